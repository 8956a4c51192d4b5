// The look: light and dark apply what a user would see (window, text, readable contrast), switch at run time,
// and the stylesheet, icons and card shadow that the window is built from are all there.

#include "card.h"
#include "theme.h"

#include <QApplication>
#include <QComboBox>
#include <QFontMetrics>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStringListModel>
#include <QTest>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace Gravity;

namespace {

double luminance(const QColor &color)
{
    const auto channel = [](double value) {
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) +
           0.0722 * channel(color.blueF());
}

// WCAG 2 contrast ratio, 1 to 21.
double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor over(const QColor &top, const QColor &bottom)
{
    const double a = top.alphaF();
    return QColor::fromRgbF(float(top.redF() * a + bottom.redF() * (1 - a)),
                            float(top.greenF() * a + bottom.greenF() * (1 - a)),
                            float(top.blueF() * a + bottom.blueF() * (1 - a)));
}

// A translucent layer reads differently along the gradient: every stop of the backdrop under it.
QList<QColor> onBackdrop(const ThemeColors &c, const QList<QColor> &layers)
{
    QList<QColor> result;
    for (const QColor &stop : {c.backdropStart, c.backdropMiddle, c.backdropEnd}) {
        QColor color = stop;
        for (const QColor &layer : layers)
            color = over(layer, color);
        result.append(color);
    }
    return result;
}

enum class Surface
{
    Base,
    Card,
    CardInput,
    CardSelection,
    Accent,
    YoutubeBadge,
    BilibiliBadge,
    NeutralBadge
};

QList<QColor> surfaceColors(const ThemeColors &c, Surface surface)
{
    switch (surface) {
    case Surface::Base:
        return {c.base};
    case Surface::Card:
        return onBackdrop(c, {c.card});
    case Surface::CardInput:
        return onBackdrop(c, {c.card, c.input});
    case Surface::CardSelection:
        return onBackdrop(c, {c.card, c.selection});
    case Surface::Accent:
        return {c.accent, c.accentHover, c.accentPressed};
    case Surface::YoutubeBadge:
        return onBackdrop(c, {c.card, c.youtubeFill});
    case Surface::BilibiliBadge:
        return onBackdrop(c, {c.card, c.bilibiliFill});
    case Surface::NeutralBadge:
        return onBackdrop(c, {c.card, c.neutralFill});
    }
    return {};
}

enum class Ink
{
    Text,
    Secondary,
    OnAccent,
    Error,
    Success,
    Warning,
    Link,
    Youtube,
    Bilibili
};

QColor inkColor(const ThemeColors &c, Ink ink)
{
    switch (ink) {
    case Ink::Text:
        return c.text;
    case Ink::Secondary:
        return c.secondaryText;
    case Ink::OnAccent:
        return c.onAccent;
    case Ink::Error:
        return c.error;
    case Ink::Success:
        return c.success;
    case Ink::Warning:
        return c.warning;
    case Ink::Link:
        return c.link;
    case Ink::Youtube:
        return c.youtube;
    case Ink::Bilibili:
        return c.bilibili;
    }
    return {};
}

bool hasOpaquePixels(const QImage &image)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(image.pixel(x, y)) > 200)
                return true;
        }
    }
    return false;
}

// The colour of the most opaque pixel: the icon's ink.
QColor inkOf(const QImage &image)
{
    QRgb best = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(image.pixel(x, y)) > qAlpha(best))
                best = image.pixel(x, y);
        }
    }
    return QColor::fromRgba(best);
}

// Equal but for the rounding of a partly transparent edge pixel.
bool sameInk(const QColor &a, const QColor &b)
{
    return qAbs(a.red() - b.red()) <= 6 && qAbs(a.green() - b.green()) <= 6 && qAbs(a.blue() - b.blue()) <= 6;
}

} // namespace

class TestTheme : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // A stylesheet Qt cannot parse, or a colour the template names but the theme lacks, is a bug.
        QTest::failOnWarning(
            QRegularExpression(QStringLiteral("style ?sheet"), QRegularExpression::CaseInsensitiveOption));
    }

    void modeIdsRoundTrip_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("known");
        QTest::addColumn<int>("mode");
        QTest::newRow("\"system\" follows the system")
            << QStringLiteral("system") << true << int(ThemeMode::System);
        QTest::newRow("\"light\" is light") << QStringLiteral("light") << true << int(ThemeMode::Light);
        QTest::newRow("\"dark\" is dark") << QStringLiteral("dark") << true << int(ThemeMode::Dark);
        QTest::newRow("a hand-edited \"Dark\" still reads")
            << QStringLiteral("Dark") << true << int(ThemeMode::Dark);
        QTest::newRow("an unknown id is refused") << QStringLiteral("sepia") << false << 0;
        QTest::newRow("an empty id is refused") << QString() << false << 0;
    }

    void modeIdsRoundTrip()
    {
        QFETCH(QString, id);
        QFETCH(bool, known);
        QFETCH(int, mode);
        const std::optional<ThemeMode> parsed = themeModeFromId(id);
        QCOMPARE(parsed.has_value(), known);
        if (known) {
            QCOMPARE(int(*parsed), mode);
            QCOMPARE(themeModeId(*parsed), id.toLower());
        }
    }

    void appliedModeSetsWindowAndText_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("dark");
        QTest::newRow("light: a light window with dark text") << int(ThemeMode::Light) << false;
        QTest::newRow("dark: a dark window with light text") << int(ThemeMode::Dark) << true;
    }

    void appliedModeSetsWindowAndText()
    {
        QFETCH(int, mode);
        QFETCH(bool, dark);
        Theme theme{ThemeMode(mode)};
        QCOMPARE(theme.isDark(), dark);
        QCOMPARE(theme.colors().dark, dark);
        const QPalette palette = QApplication::palette();
        const double window = palette.color(QPalette::Window).lightnessF();
        const double text = palette.color(QPalette::WindowText).lightnessF();
        if (dark) {
            QVERIFY2(window < 0.25, "the window is dark");
            QVERIFY2(text > 0.85, "the text is light");
        } else {
            QVERIFY2(window > 0.85, "the window is light");
            QVERIFY2(text < 0.25, "the text is dark");
        }
        QCOMPARE(Theme::paletteLooksDark(palette), dark);
        // Delegates painting with the palette get the theme's accent and text.
        QCOMPARE(palette.color(QPalette::Highlight), theme.colors().accent);
        QCOMPARE(palette.color(QPalette::Text), theme.colors().text);
        QCOMPARE(palette.color(QPalette::HighlightedText), theme.colors().onAccent);
        QCOMPARE(qApp->styleSheet(), theme.styleSheet());
    }

    void textIsReadable_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addColumn<int>("ink");
        QTest::addColumn<int>("surface");
        QTest::addColumn<double>("minimum");
        for (const bool dark : {false, true}) {
            const char *const mode = dark ? "dark" : "light";
            const auto row = [&](const char *what, Ink ink, Surface surface, double minimum) {
                QTest::addRow("%s: %s", mode, what) << dark << int(ink) << int(surface) << minimum;
            };
            row("text on an input or popup", Ink::Text, Surface::Base, 4.5);
            row("text on a card anywhere on the backdrop", Ink::Text, Surface::Card, 4.5);
            row("text in a line edit on a card", Ink::Text, Surface::CardInput, 4.5);
            row("text on a selected row", Ink::Text, Surface::CardSelection, 4.5);
            row("secondary text on a card", Ink::Secondary, Surface::Card, 3.0);
            row("secondary text on a selected row", Ink::Secondary, Surface::CardSelection, 3.0);
            row("the accent button's label in every state", Ink::OnAccent, Surface::Accent, 4.5);
            row("an error message on a card", Ink::Error, Surface::Card, 4.5);
            row("a success message on a card", Ink::Success, Surface::Card, 4.5);
            row("a warning on a card", Ink::Warning, Surface::Card, 4.5);
            row("a link on a card", Ink::Link, Surface::Card, 4.5);
            row("the YouTube badge", Ink::Youtube, Surface::YoutubeBadge, 4.5);
            row("the Bilibili badge", Ink::Bilibili, Surface::BilibiliBadge, 4.5);
            row("a badge for another site", Ink::Secondary, Surface::NeutralBadge, 4.5);
        }
    }

    void textIsReadable()
    {
        QFETCH(bool, dark);
        QFETCH(int, ink);
        QFETCH(int, surface);
        QFETCH(double, minimum);
        const ThemeColors &c = Theme::colorsFor(dark);
        const QColor foreground = inkColor(c, Ink(ink));
        for (const QColor &background : surfaceColors(c, Surface(surface))) {
            const double ratio = contrast(foreground, background);
            QVERIFY2(ratio >= minimum, qPrintable(QStringLiteral("%1 on %2 is only %3:1")
                                                      .arg(foreground.name(), background.name())
                                                      .arg(ratio, 0, 'f', 2)));
        }
    }

    void styleSheetHasTheContract_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light stylesheet") << false;
        QTest::newRow("dark stylesheet") << true;
    }

    void styleSheetHasTheContract()
    {
        QFETCH(bool, dark);
        const ThemeColors &c = Theme::colorsFor(dark);
        const QString sheet = Theme::styleSheetFor(c);
        QVERIFY(sheet.size() > 1000);
        QVERIFY2(!sheet.contains(QStringLiteral("{{")), "every placeholder is filled in");
        const QStringList selectors = {
            QStringLiteral("QWidget#backdrop"),
            QStringLiteral("QFrame[card=\"true\"]"),
            QStringLiteral("QPushButton[accent=\"true\"]"),
            QStringLiteral("QToolButton[flat=\"true\"]"),
            QStringLiteral("QLabel[role=\"title\"]"),
            QStringLiteral("QLabel[role=\"secondary\"]"),
            QStringLiteral("QLabel[role=\"error\"]"),
            QStringLiteral("QLabel[role=\"hint\"]"),
            QStringLiteral("QLabel[role=\"badge\"]"),
            QStringLiteral("QLabel[role=\"badge\"][platform=\"youtube\"]"),
            QStringLiteral("QLabel[role=\"badge\"][platform=\"bilibili\"]"),
            QStringLiteral("QLabel[role=\"badge\"][platform=\"other\"]"),
            QStringLiteral("QWidget#dropOverlay"),
            QStringLiteral("QWidget#dropOverlay QLabel"),
            QStringLiteral("QLineEdit:focus"),
            QStringLiteral("QComboBox QAbstractItemView"),
            QStringLiteral("QScrollBar"),
            QStringLiteral("QMenu"),
            QStringLiteral("QToolTip"),
            QStringLiteral("QProgressBar"),
            QStringLiteral("QTabBar::tab"),
            QStringLiteral("QGroupBox"),
            QStringLiteral("QHeaderView::section"),
        };
        for (const QString &selector : selectors)
            QVERIFY2(sheet.contains(selector), qPrintable(selector));
        QVERIFY(sheet.contains(c.accent.name(), Qt::CaseInsensitive));
        QVERIFY(sheet.contains(QStringLiteral("qlineargradient")));
        QVERIFY(sheet.contains(dark ? QStringLiteral("-dark.svg") : QStringLiteral("-light.svg")));
    }

    void switchingAtRunTimeEmitsChangedAndRepaints()
    {
        Theme theme(ThemeMode::Light);
        QSignalSpy changed(&theme, &Theme::changed);
        QWidget window;
        window.setObjectName(QStringLiteral("backdrop"));
        window.resize(120, 80);
        auto *label = new QLabel(QStringLiteral("Gravity"), &window); // a widget that only has the palette
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QColor lightText = label->palette().color(QPalette::WindowText);
        const QImage lightPixels = window.grab().toImage();

        theme.setMode(ThemeMode::Dark);
        QCOMPARE(changed.count(), 1);
        QVERIFY(theme.isDark());
        QCOMPARE(theme.mode(), ThemeMode::Dark);
        QVERIFY(label->palette().color(QPalette::WindowText) != lightText);
        QVERIFY(Theme::paletteLooksDark(label->palette()));
        const QImage darkPixels = window.grab().toImage();
        QVERIFY2(qGray(darkPixels.pixel(60, 60)) < qGray(lightPixels.pixel(60, 60)),
                 "the backdrop went dark");

        theme.setMode(ThemeMode::Dark);
        QCOMPARE(changed.count(), 1); // nothing to change, nothing re-applied

        theme.setMode(ThemeMode::Light);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(label->palette().color(QPalette::WindowText), lightText);
    }

    // The downloads delegate paints its progress with QPalette::Highlight: inside a styled list that must
    // still be the accent, and rows the standard delegate draws get a readable selection.
    void delegatesInAListSeeTheAccent_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("light") << int(ThemeMode::Light);
        QTest::newRow("dark") << int(ThemeMode::Dark);
    }

    void delegatesInAListSeeTheAccent()
    {
        QFETCH(int, mode);
        Theme theme{ThemeMode(mode)};
        QWidget window;
        window.setObjectName(QStringLiteral("backdrop"));
        auto *layout = new QVBoxLayout(&window);
        auto *card = new Card(&window);
        auto *cardLayout = new QVBoxLayout(card);
        auto *list = new QListView(card);
        list->setObjectName(QStringLiteral("downloadList"));
        auto *model = new QStringListModel({QStringLiteral("First"), QStringLiteral("Second")}, list);
        list->setModel(model);
        cardLayout->addWidget(list);
        layout->addWidget(card);
        window.resize(300, 200);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Delegates look their colours up from the view's palette, which the stylesheet made transparent.
        QCOMPARE(Theme::colorsFor(list->palette()).dark, theme.isDark());
        QCOMPARE(Theme::colorsFor(list->viewport()->palette()).dark, theme.isDark());
        QCOMPARE(Theme::colorsFor(card->palette()).dark, theme.isDark());
        QCOMPARE(Theme::colorsFor(window.palette()).dark, theme.isDark());
        QCOMPARE(list->palette().color(QPalette::Highlight), theme.colors().accent);
        QCOMPARE(list->palette().color(QPalette::HighlightedText), theme.colors().onAccent);

        list->setCurrentIndex(model->index(0));
        const QImage image = list->viewport()->grab().toImage();
        const QRect row = list->visualRect(model->index(0));
        const QColor fill = image.pixelColor(row.right() - 4, row.center().y());
        QVERIFY2(contrast(theme.colors().text, fill) >= 4.5, "text reads on the selected row");
        QVERIFY2(fill != image.pixelColor(list->visualRect(model->index(1)).right() - 4,
                                          list->visualRect(model->index(1)).center().y()),
                 "the selected row stands out");
    }

    void systemModeFollowsThePlatform()
    {
        QPalette darkPalette;
        darkPalette.setColor(QPalette::Window, QColor(30, 30, 30));
        darkPalette.setColor(QPalette::WindowText, QColor(230, 230, 230));
        QVERIFY(Theme::paletteLooksDark(darkPalette));
        QPalette lightPalette;
        lightPalette.setColor(QPalette::Window, QColor(240, 240, 240));
        lightPalette.setColor(QPalette::WindowText, QColor(20, 20, 20));
        QVERIFY(!Theme::paletteLooksDark(lightPalette));

        // The offscreen platform offers a light palette and no colour scheme.
        Theme theme(ThemeMode::System);
        QCOMPARE(theme.mode(), ThemeMode::System);
        QVERIFY(!theme.isDark());
    }

    void everyIconLoads_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString &name : Theme::iconNames())
            QTest::addRow("the %s icon", qPrintable(name)) << name;
    }

    void everyIconLoads()
    {
        QFETCH(QString, name);
        Theme theme(ThemeMode::Light);
        const QIcon icon = Theme::icon(name);
        QVERIFY(!icon.isNull());
        const QImage light = icon.pixmap(QSize(24, 24)).toImage();
        QCOMPARE(light.size(), QSize(24, 24));
        QVERIFY2(hasOpaquePixels(light), "something is drawn");
        QVERIFY(sameInk(inkOf(light), theme.colors().text));
        QCOMPARE(icon.pixmap(QSize(24, 24), 2.0).toImage().size(), QSize(48, 48)); // crisp at 200 %

        // The same icon follows a switch to dark by itself.
        theme.setMode(ThemeMode::Dark);
        QVERIFY(sameInk(inkOf(icon.pixmap(QSize(24, 24)).toImage()), theme.colors().text));
        // A fixed colour stays fixed.
        const QImage onAccent = Theme::icon(name, theme.colors().onAccent).pixmap(QSize(32, 32)).toImage();
        QVERIFY(sameInk(inkOf(onAccent), theme.colors().onAccent));
    }

    void anUnknownIconIsNull() { QVERIFY(Theme::icon(QStringLiteral("no-such-icon")).isNull()); }

    void aCardCastsAShadowBelowItsEdge_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("light") << int(ThemeMode::Light);
        QTest::newRow("dark") << int(ThemeMode::Dark);
    }

    void aCardCastsAShadowBelowItsEdge()
    {
        QFETCH(int, mode);
        Theme theme{ThemeMode(mode)};
        QWidget backdrop;
        backdrop.setObjectName(QStringLiteral("backdrop"));
        backdrop.resize(320, 220);
        auto *card = new Card(&backdrop);
        card->setGeometry(20, 20, 280, 180);
        backdrop.show();
        QVERIFY(QTest::qWaitForWindowExposed(&backdrop));
        QCOMPARE(card->property("card").toBool(), true);
        QCOMPARE(card->cardRect(), card->rect().marginsRemoved(Theme::cardShadowMargins()));

        const QImage withCard = backdrop.grab().toImage();
        card->hide();
        const QImage without = backdrop.grab().toImage();
        // Just under the card's bottom edge, in its shadow margin.
        const QPoint below = card->geometry().topLeft() + card->cardRect().bottomLeft() + QPoint(140, 3);
        QVERIFY2(qGray(withCard.pixel(below)) < qGray(without.pixel(below)), "a shadow under the card");
        // Far from the card the backdrop is untouched.
        QCOMPARE(withCard.pixel(5, 5), without.pixel(5, 5));
        // Inside, the card's translucent fill shows.
        const QPoint inside = card->geometry().center();
        QVERIFY(withCard.pixel(inside) != without.pixel(inside));
    }

    // Hierarchy that survives both languages: nothing a role styles is cut off, and the title stands out.
    void textFitsInBothLanguages_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("English") << QStringLiteral("Download the best available quality");
        QTest::newRow("Simplified Chinese") << QStringLiteral("下载可用的最佳画质");
    }

    void textFitsInBothLanguages()
    {
        QFETCH(QString, text);
        for (const ThemeMode mode : {ThemeMode::Light, ThemeMode::Dark}) {
            Theme theme(mode);
            QWidget window;
            window.setObjectName(QStringLiteral("backdrop"));
            auto *layout = new QVBoxLayout(&window);
            auto *card = new Card(&window);
            auto *cardLayout = new QVBoxLayout(card);
            auto *title = new QLabel(text, card);
            title->setProperty("role", QStringLiteral("title"));
            auto *body = new QLabel(text, card);
            auto *badge = new QLabel(text, card);
            badge->setProperty("role", QStringLiteral("badge"));
            badge->setProperty("platform", QStringLiteral("bilibili"));
            auto *button = new QPushButton(text, card);
            button->setProperty("accent", true);
            auto *edit = new QLineEdit(text, card);
            auto *combo = new QComboBox(card);
            combo->addItem(text);
            for (QWidget *widget : std::initializer_list<QWidget *>{title, body, badge, button, edit, combo})
                cardLayout->addWidget(widget);
            layout->addWidget(card);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));

            QVERIFY2(title->font().pointSizeF() > body->font().pointSizeF() * 1.3, "the title is larger");
            QVERIFY2(title->font().weight() > body->font().weight(), "and heavier");
            for (QWidget *widget :
                 std::initializer_list<QWidget *>{title, body, badge, button, edit, combo}) {
                const int needed = QFontMetrics(widget->font()).boundingRect(text).height();
                QVERIFY2(widget->height() >= needed,
                         qPrintable(QStringLiteral("%1 is %2 px tall for %3 px of text")
                                        .arg(QString::fromLatin1(widget->metaObject()->className()))
                                        .arg(widget->height())
                                        .arg(needed)));
            }
            QVERIFY2(card->cardRect().contains(title->geometry()), "content stays inside the card's edge");
        }
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
