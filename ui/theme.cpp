#include "theme.h"

#include <QApplication>
#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QLineEdit>
#include <QPainter>
#include <QPixmapCache>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleHints>
#include <QStyleOption>
#include <QSvgRenderer>
#include <QWidget>

#include <cmath>

namespace Gravity {

namespace {

QColor rgba(int red, int green, int blue, int alpha = 255)
{
    return QColor(red, green, blue, alpha);
}

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

// `top` drawn over an opaque `bottom`.
QColor composite(const QColor &top, const QColor &bottom)
{
    const double a = top.alphaF();
    return QColor::fromRgbF(float(top.redF() * a + bottom.redF() * (1 - a)),
                            float(top.greenF() * a + bottom.greenF() * (1 - a)),
                            float(top.blueF() * a + bottom.blueF() * (1 - a)));
}

// Borders and the selection are flattened onto the card: Qt draws a rounded border's arcs and straight runs
// separately, and a translucent colour would show dots where they overlap (and a double-painted selection).
// The accent is one violet in both modes; the dark one is a step lighter so it stays visible on dark glass
// while white text on it still reads (>= 4.5:1). The backdrop hints at the app icon's violet-to-cyan.
ThemeColors makeLight()
{
    ThemeColors c;
    c.dark = false;
    c.backdropStart = rgba(0xE2, 0xE7, 0xFC);
    c.backdropMiddle = rgba(0xEE, 0xE8, 0xFB);
    c.backdropEnd = rgba(0xDA, 0xEF, 0xF7);
    c.window = rgba(0xEA, 0xEB, 0xF9);
    c.base = rgba(0xFF, 0xFF, 0xFF);
    c.card = rgba(255, 255, 255, 178);
    const QColor onCard = composite(c.card, c.backdropMiddle);
    c.cardBorder = composite(rgba(255, 255, 255, 230), onCard);
    c.shadow = rgba(32, 36, 84, 46);
    c.text = rgba(0x1A, 0x1D, 0x2B);
    c.secondaryText = rgba(0x5A, 0x60, 0x76); // chevron-*-light.svg uses the same colour
    c.disabledText = rgba(0x9A, 0x9F, 0xB2);
    c.accent = rgba(0x5B, 0x4C, 0xF0);
    c.accentHover = rgba(0x4E, 0x3F, 0xE3);
    c.accentPressed = rgba(0x43, 0x35, 0xCC);
    c.onAccent = rgba(0xFF, 0xFF, 0xFF);
    c.selection = composite(withAlpha(c.accent, 38), onCard);
    c.hover = withAlpha(c.text, 12);
    c.track = withAlpha(c.text, 20);
    c.success = rgba(0x1B, 0x7A, 0x46);
    c.warning = rgba(0x93, 0x56, 0x00);
    c.error = rgba(0xBE, 0x1E, 0x2D);
    c.link = rgba(0x4B, 0x3C, 0xE0);
    c.control = rgba(255, 255, 255, 200);
    c.controlHover = rgba(255, 255, 255, 255);
    c.controlPressed = withAlpha(c.text, 14);
    c.controlBorder = composite(withAlpha(c.text, 38), onCard);
    c.controlBorderHover = composite(withAlpha(c.text, 72), onCard);
    c.input = rgba(255, 255, 255, 235);
    c.overlay = withAlpha(composite(withAlpha(c.accent, 26), c.window), 238);
    c.youtube = rgba(0xB0, 0x00, 0x1A);
    c.youtubeFill = rgba(0xFF, 0x00, 0x33, 28);
    c.bilibili = rgba(0xB4, 0x16, 0x5A);
    c.bilibiliFill = rgba(0xFB, 0x72, 0x99, 46);
    c.neutralFill = withAlpha(c.text, 16);
    return c;
}

ThemeColors makeDark()
{
    ThemeColors c;
    c.dark = true;
    c.backdropStart = rgba(0x16, 0x19, 0x30);
    c.backdropMiddle = rgba(0x1C, 0x16, 0x33);
    c.backdropEnd = rgba(0x0E, 0x1F, 0x2C);
    c.window = rgba(0x17, 0x19, 0x2A);
    c.base = rgba(0x23, 0x26, 0x3A);
    c.card = rgba(46, 50, 76, 150);
    const QColor onCard = composite(c.card, c.backdropMiddle);
    c.cardBorder = composite(rgba(255, 255, 255, 26), onCard);
    c.shadow = rgba(0, 0, 0, 120);
    c.text = rgba(0xEC, 0xEE, 0xF7);
    c.secondaryText = rgba(0xA5, 0xAB, 0xC2); // chevron-*-dark.svg uses the same colour
    c.disabledText = rgba(0x6C, 0x72, 0x8A);
    c.accent = rgba(0x6A, 0x5A, 0xF9);
    c.accentHover = rgba(0x5F, 0x4F, 0xF0);
    c.accentPressed = rgba(0x53, 0x43, 0xDE);
    c.onAccent = rgba(0xFF, 0xFF, 0xFF);
    c.selection = composite(withAlpha(c.accent, 82), onCard);
    c.hover = withAlpha(c.text, 14);
    c.track = withAlpha(c.text, 26);
    c.success = rgba(0x5C, 0xD1, 0x8C);
    c.warning = rgba(0xF2, 0xB8, 0x4B);
    c.error = rgba(0xFF, 0x8A, 0x84);
    c.link = rgba(0xAC, 0xA1, 0xFF);
    c.control = withAlpha(c.text, 18);
    c.controlHover = withAlpha(c.text, 30);
    c.controlPressed = withAlpha(c.text, 10);
    c.controlBorder = composite(withAlpha(c.text, 36), onCard);
    c.controlBorderHover = composite(withAlpha(c.text, 70), onCard);
    c.input = rgba(10, 12, 24, 90);
    c.overlay = withAlpha(composite(withAlpha(c.accent, 40), c.window), 238);
    c.youtube = rgba(0xFF, 0x85, 0x8F);
    c.youtubeFill = rgba(0xFF, 0x2D, 0x4B, 44);
    c.bilibili = rgba(0xFF, 0x9B, 0xC0);
    c.bilibiliFill = rgba(0xFB, 0x72, 0x99, 44);
    c.neutralFill = withAlpha(c.text, 22);
    return c;
}

QString qssColor(const QColor &color)
{
    if (color.alpha() == 255)
        return color.name();
    return QStringLiteral("rgba(%1, %2, %3, %4)")
        .arg(color.red())
        .arg(color.green())
        .arg(color.blue())
        .arg(color.alpha());
}

QString pointSize(double points)
{
    return QString::number(std::round(points * 2) / 2, 'f', 1);
}

const QString &styleSheetTemplate()
{
    static const QString text = [] {
        QFile file(QStringLiteral(":/themes/gravity.qss"));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("Gravity: the theme stylesheet is missing from the resources");
            return QString();
        }
        return QString::fromUtf8(file.readAll());
    }();
    return text;
}

bool isWordCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_';
}

// Replaces each {{name}} (name: letters, digits, _) with its value. Scanned by hand rather than with a
// QRegularExpression: that one match at start-up compiled and JIT-compiled a PCRE2 pattern, which kept
// the library's pages and its JIT memory for the life of the process.
QString fillPlaceholders(const QString &text, const QHash<QString, QString> &values)
{
    QString out;
    out.reserve(text.size() + text.size() / 4);
    qsizetype copied = 0;
    qsizetype from = 0;
    while ((from = text.indexOf(QLatin1String("{{"), from)) >= 0) {
        qsizetype end = from + 2;
        while (end < text.size() && isWordCharacter(text.at(end)))
            ++end;
        if (end == from + 2 || !QStringView(text).mid(end).startsWith(QLatin1String("}}"))) {
            ++from;
            continue;
        }
        const QStringView name = QStringView(text).mid(from + 2, end - from - 2);
        out += QStringView(text).mid(copied, from - copied);
        const auto value = values.constFind(name.toString());
        if (value != values.cend())
            out += *value;
        else
            qWarning("Gravity: the theme stylesheet names an unknown value {{%s}}",
                     qPrintable(name.toString()));
        copied = from = end + 2;
    }
    out += QStringView(text).mid(copied);
    return out;
}

// Decided once, before Gravity replaces the application palette, so later Theme objects still know it.
bool platformPaletteLooksDark()
{
    static const bool dark = Theme::paletteLooksDark(QGuiApplication::palette());
    return dark;
}

// Renders an SVG from the resources in one colour at exactly the size asked for, so icons stay crisp at
// every scale and follow the palette: without a fixed colour it reads the application palette each time.
class TintedSvgIconEngine final : public QIconEngine
{
public:
    TintedSvgIconEngine(const QString &name, const std::optional<QColor> &color)
        : m_name(name)
        , m_path(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"))
        , m_color(color)
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap image = pixmap(rect.size() * ratio, mode, state);
        image.setDevicePixelRatio(ratio);
        painter->drawPixmap(rect, image);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        Q_UNUSED(state)
        if (size.isEmpty() || isNull())
            return {};
        const QColor color = colorFor(mode);
        const QString key = QStringLiteral("gravity-icon/") + m_name + u'/' + color.name(QColor::HexArgb) +
                            u'/' + QString::number(size.width()) + u'x' + QString::number(size.height());
        QPixmap cached;
        if (QPixmapCache::find(key, &cached))
            return cached;

        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        const int side = qMin(size.width(), size.height());
        const QRectF square((size.width() - side) / 2.0, (size.height() - side) / 2.0, side, side);
        QSvgRenderer(m_path).render(&painter, square);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(image.rect(), color);
        painter.end();
        cached = QPixmap::fromImage(std::move(image));
        QPixmapCache::insert(key, cached);
        return cached;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine *clone() const override { return new TintedSvgIconEngine(*this); }
    QString key() const override { return QStringLiteral("GravityTintedSvg"); }
    QString iconName() override { return m_name; }
    bool isNull() override { return !QFile::exists(m_path); }

private:
    [[nodiscard]] QColor colorFor(QIcon::Mode mode) const
    {
        const QPalette palette = QGuiApplication::palette();
        if (mode == QIcon::Disabled)
            return m_color ? withAlpha(*m_color, 110)
                           : palette.color(QPalette::Disabled, QPalette::WindowText);
        return m_color.value_or(palette.color(QPalette::Active, QPalette::WindowText));
    }

    QString m_name;
    QString m_path;
    std::optional<QColor> m_color;
};

// Renders the SVG as QIcon's own SVG engine does (its default size scaled to fit), without that engine: it is
// a plugin, loaded for this one picture, and it keeps every size it drew in the pixmap cache (the window
// icon is drawn at four sizes, up to 128 px, once, when it is set).
class LogoIconEngine final : public QIconEngine
{
public:
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap image = pixmap(rect.size() * ratio, mode, state);
        image.setDevicePixelRatio(ratio);
        const QSizeF shown = QSizeF(image.size()) / ratio;
        painter->drawPixmap(QRectF(rect.x() + (rect.width() - shown.width()) / 2,
                                   rect.y() + (rect.height() - shown.height()) / 2, shown.width(),
                                   shown.height()),
                            image, QRectF(image.rect()));
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QSvgRenderer renderer(path());
        const QSize actual = actualSize(renderer, size);
        if (actual.isEmpty())
            return {};
        QImage image(actual, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        renderer.render(&painter);
        painter.end();
        QPixmap drawn = QPixmap::fromImage(std::move(image));
        if (mode != QIcon::Normal && QApplication::style()) {
            QStyleOption option;
            option.palette = QGuiApplication::palette();
            drawn = QApplication::style()->generatedIconPixmap(mode, drawn, &option);
        }
        Q_UNUSED(state)
        return drawn;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override
    {
        QSvgRenderer renderer(path());
        return actualSize(renderer, size);
    }
    QIconEngine *clone() const override { return new LogoIconEngine; }
    QString key() const override { return QStringLiteral("GravityLogo"); }
    bool isNull() override { return !QFile::exists(path()); }

private:
    static QString path() { return QStringLiteral(":/icons/gravity.svg"); }
    static QSize actualSize(const QSvgRenderer &renderer, const QSize &size)
    {
        QSize actual = renderer.defaultSize();
        if (!actual.isNull())
            actual.scale(size, Qt::KeepAspectRatio);
        return actual;
    }
};

QIcon cachedIcon(const QString &name, const std::optional<QColor> &color)
{
    static QHash<QString, QIcon> icons;
    const QString key = color ? name + u'@' + color->name(QColor::HexArgb) : name;
    auto it = icons.find(key);
    if (it == icons.end())
        it = icons.insert(key, QIcon(new TintedSvgIconEngine(name, color)));
    return *it;
}

} // namespace

QString themeModeId(ThemeMode mode)
{
    switch (mode) {
    case ThemeMode::System:
        return QStringLiteral("system");
    case ThemeMode::Light:
        return QStringLiteral("light");
    case ThemeMode::Dark:
        return QStringLiteral("dark");
    }
    return QStringLiteral("system");
}

std::optional<ThemeMode> themeModeFromId(QStringView id)
{
    for (const ThemeMode mode : {ThemeMode::System, ThemeMode::Light, ThemeMode::Dark}) {
        if (id.compare(themeModeId(mode), Qt::CaseInsensitive) == 0)
            return mode;
    }
    return std::nullopt;
}

Theme::Theme(ThemeMode mode, QObject *parent)
    : QObject(parent)
    , m_mode(mode)
    , m_platformDark(platformPaletteLooksDark())
{
    Q_ASSERT_X(qobject_cast<QApplication *>(QCoreApplication::instance()), "Theme", "needs a QApplication");
    // Fusion draws the same on every platform and honours the palette fully, so the stylesheet only has to
    // restyle what it means to change.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    connect(QGuiApplication::styleHints(), &QStyleHints::colorSchemeChanged, this, [this] {
        if (m_mode == ThemeMode::System)
            setMode(ThemeMode::System);
    });
#endif
    m_dark = m_mode == ThemeMode::System ? systemIsDark() : m_mode == ThemeMode::Dark;
    apply();
}

Theme::~Theme() = default;

void Theme::setMode(ThemeMode mode)
{
    m_mode = mode;
    const bool dark = m_mode == ThemeMode::System ? systemIsDark() : m_mode == ThemeMode::Dark;
    if (dark == m_dark)
        return;
    m_dark = dark;
    apply();
    emit changed();
}

const ThemeColors &Theme::colors() const
{
    return colorsFor(m_dark);
}

bool Theme::systemIsDark() const
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    switch (QGuiApplication::styleHints()->colorScheme()) {
    case Qt::ColorScheme::Dark:
        return true;
    case Qt::ColorScheme::Light:
        return false;
    case Qt::ColorScheme::Unknown:
        break;
    }
#endif
    // Qt 6.4 cannot say, nor tell when it changes: the palette the platform gave at start-up decides.
    return m_platformDark;
}

void Theme::apply()
{
    const ThemeColors &c = colors();
    m_styleSheet = styleSheetFor(c);
    // Palette first: the stylesheet's re-polish then already sees the new colours.
    QApplication::setPalette(paletteFor(c));
    qApp->setStyleSheet(m_styleSheet);
}

const ThemeColors &Theme::colorsFor(bool dark)
{
    static const ThemeColors light = makeLight();
    static const ThemeColors darkColors = makeDark();
    return dark ? darkColors : light;
}

const ThemeColors &Theme::colorsFor(const QPalette &palette)
{
    return colorsFor(paletteLooksDark(palette));
}

bool Theme::paletteLooksDark(const QPalette &palette)
{
    const QColor text = palette.color(QPalette::WindowText);
    // The stylesheet gives a styled widget its background as the Window brush: transparent for views,
    // translucent for cards, a gradient for the backdrop. Then the text alone tells.
    const QBrush window = palette.brush(QPalette::Window);
    if (window.style() == Qt::SolidPattern && window.color().alpha() == 255)
        return window.color().lightnessF() < text.lightnessF();
    return text.lightnessF() > 0.5;
}

QPalette Theme::paletteFor(const ThemeColors &c)
{
    QPalette p;
    const auto set = [&p](QPalette::ColorRole role, const QColor &color) {
        p.setColor(QPalette::All, role, color);
    };
    // Roles a widget paints as solid get the glass colours flattened onto the window colour.
    const QColor button = composite(c.control, c.window);
    set(QPalette::Window, c.window);
    set(QPalette::WindowText, c.text);
    set(QPalette::Base, c.base);
    set(QPalette::AlternateBase, composite(c.hover, c.base));
    set(QPalette::Text, c.text);
    set(QPalette::Button, button);
    set(QPalette::ButtonText, c.text);
    set(QPalette::BrightText, c.onAccent);
    set(QPalette::Highlight, c.accent);
    set(QPalette::HighlightedText, c.onAccent);
    set(QPalette::PlaceholderText, c.secondaryText);
    set(QPalette::ToolTipBase, c.base);
    set(QPalette::ToolTipText, c.text);
    set(QPalette::Link, c.link);
    set(QPalette::LinkVisited, c.link);
    // Fusion's bevels and frames, and the track of a painted progress bar (Mid).
    set(QPalette::Light, c.dark ? composite(withAlpha(c.text, 46), c.window) : c.base);
    set(QPalette::Midlight, composite(c.controlBorder, c.dark ? c.window : c.base));
    set(QPalette::Mid, composite(c.controlBorderHover, c.window));
    set(QPalette::Dark, c.dark ? rgba(0x0C, 0x0D, 0x16) : composite(withAlpha(c.text, 110), c.window));
    set(QPalette::Shadow, c.dark ? rgba(0, 0, 0) : composite(withAlpha(c.text, 160), c.window));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, c.disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, composite(c.controlBorderHover, c.window));
    p.setColor(QPalette::Disabled, QPalette::Button, composite(c.controlPressed, c.window));
    return p;
}

QString Theme::styleSheetFor(const ThemeColors &c)
{
    double base = QApplication::font().pointSizeF();
    if (base <= 0)
        base = 10; // a pixel-sized application font; points are still the right unit for the roles
    const QMargins shadow = cardShadowMargins();
    const QHash<QString, QString> values = {
        {QStringLiteral("variant"), c.dark ? QStringLiteral("dark") : QStringLiteral("light")},
        {QStringLiteral("basePointSize"), pointSize(base)},
        {QStringLiteral("titlePointSize"), pointSize(base * 1.45)},
        {QStringLiteral("smallPointSize"), pointSize(qMax(base * 0.88, 8.0))},
        {QStringLiteral("cardRadius"), QString::number(CardRadius)},
        {QStringLiteral("shadowTop"), QString::number(shadow.top())},
        {QStringLiteral("shadowSide"), QString::number(shadow.left())},
        {QStringLiteral("shadowBottom"), QString::number(shadow.bottom())},
        {QStringLiteral("backdropStart"), qssColor(c.backdropStart)},
        {QStringLiteral("backdropMiddle"), qssColor(c.backdropMiddle)},
        {QStringLiteral("backdropEnd"), qssColor(c.backdropEnd)},
        {QStringLiteral("base"), qssColor(c.base)},
        {QStringLiteral("card"), qssColor(c.card)},
        {QStringLiteral("cardBorder"), qssColor(c.cardBorder)},
        {QStringLiteral("text"), qssColor(c.text)},
        {QStringLiteral("secondaryText"), qssColor(c.secondaryText)},
        {QStringLiteral("disabledText"), qssColor(c.disabledText)},
        {QStringLiteral("accent"), qssColor(c.accent)},
        {QStringLiteral("accentHover"), qssColor(c.accentHover)},
        {QStringLiteral("accentPressed"), qssColor(c.accentPressed)},
        {QStringLiteral("onAccent"), qssColor(c.onAccent)},
        {QStringLiteral("selection"), qssColor(c.selection)},
        {QStringLiteral("hover"), qssColor(c.hover)},
        {QStringLiteral("rowHover"), qssColor(composite(c.hover, composite(c.card, c.backdropMiddle)))},
        {QStringLiteral("track"), qssColor(c.track)},
        {QStringLiteral("progressSoft"), qssColor(withAlpha(c.accent, c.dark ? 120 : 90))},
        {QStringLiteral("scrollHandle"), qssColor(withAlpha(c.text, 60))},
        {QStringLiteral("scrollHandleHover"), qssColor(withAlpha(c.text, 110))},
        {QStringLiteral("error"), qssColor(c.error)},
        {QStringLiteral("control"), qssColor(c.control)},
        {QStringLiteral("controlHover"), qssColor(c.controlHover)},
        {QStringLiteral("controlPressed"), qssColor(c.controlPressed)},
        {QStringLiteral("controlBorder"), qssColor(c.controlBorder)},
        {QStringLiteral("controlBorderHover"), qssColor(c.controlBorderHover)},
        {QStringLiteral("input"), qssColor(c.input)},
        {QStringLiteral("overlay"), qssColor(c.overlay)},
        {QStringLiteral("youtube"), qssColor(c.youtube)},
        {QStringLiteral("youtubeFill"), qssColor(c.youtubeFill)},
        {QStringLiteral("bilibili"), qssColor(c.bilibili)},
        {QStringLiteral("bilibiliFill"), qssColor(c.bilibiliFill)},
        {QStringLiteral("neutralFill"), qssColor(c.neutralFill)},
    };
    return fillPlaceholders(styleSheetTemplate(), values);
}

QMargins Theme::cardShadowMargins()
{
    return {ShadowBlur, ShadowBlur - ShadowOffset, ShadowBlur, ShadowBlur + ShadowOffset};
}

QIcon Theme::icon(const QString &name)
{
    return cachedIcon(name, std::nullopt);
}

QIcon Theme::icon(const QString &name, const QColor &color)
{
    return cachedIcon(name, color);
}

QIcon Theme::appIcon()
{
    return QIcon(new LogoIconEngine);
}

QStringList Theme::iconNames()
{
    return {QStringLiteral("paste"),    QStringLiteral("folder"),  QStringLiteral("open"),
            QStringLiteral("pause"),    QStringLiteral("play"),    QStringLiteral("cancel"),
            QStringLiteral("retry"),    QStringLiteral("remove"),  QStringLiteral("more"),
            QStringLiteral("drop"),     QStringLiteral("link"),    QStringLiteral("download"),
            QStringLiteral("settings"), QStringLiteral("audio"),   QStringLiteral("subtitles"),
            QStringLiteral("check"),    QStringLiteral("history"), QStringLiteral("search"),
            QStringLiteral("warning")};
}

void Theme::setStyleProperty(QWidget *widget, const char *name, const QVariant &value)
{
    if (widget->property(name) == value)
        return;
    widget->setProperty(name, value);
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
    widget->update();
}

void Theme::addClearButton(QLineEdit *edit)
{
    QAction *clear = edit->addAction(icon(QStringLiteral("cancel")), QLineEdit::TrailingPosition);
    clear->setObjectName(QStringLiteral("clearButton"));
    clear->setText(QCoreApplication::translate("Gravity::Theme", "Clear"));
    clear->setToolTip(clear->text());
    clear->setVisible(!edit->text().isEmpty());
    QObject::connect(edit, &QLineEdit::textChanged, clear,
                     [clear](const QString &text) { clear->setVisible(!text.isEmpty()); });
    QObject::connect(clear, &QAction::triggered, edit, [edit] {
        edit->clear();
        edit->setFocus();
        emit edit->textEdited(QString()); // as Qt's own button does: filters that follow typing follow this
    });
}

} // namespace Gravity
