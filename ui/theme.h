#pragma once

#include <QColor>
#include <QIcon>
#include <QMargins>
#include <QObject>
#include <QPalette>
#include <QStringList>
#include <QStringView>

#include <optional>

class QWidget;

class QLineEdit;

namespace Gravity {

enum class ThemeMode
{
    System,
    Light,
    Dark
};

// Stable ids for settings and the command line: "system", "light", "dark".
[[nodiscard]] QString themeModeId(ThemeMode mode);
[[nodiscard]] std::optional<ThemeMode> themeModeFromId(QStringView id);

// One look's colours. The QSS, the QPalette and custom painting (delegates, Card's shadow) all read this one
// table, so they cannot drift apart. Translucent colours are meant to be drawn over the backdrop.
struct ThemeColors
{
    bool dark = false;

    // The backdrop gradient, top left to bottom right; `window` is its solid stand-in for the palette.
    QColor backdropStart;
    QColor backdropMiddle;
    QColor backdropEnd;
    QColor window;
    QColor base; // solid: popups, tooltips, the palette's Base

    // What custom painting needs.
    QColor card;       // translucent fill of a card
    QColor cardBorder; // its light edge (borders are solid: translucent ones dot a rounded corner)
    QColor shadow;     // darkest point of a card's shadow
    QColor text;
    QColor secondaryText;
    QColor disabledText;
    QColor accent;
    QColor accentHover;
    QColor accentPressed;
    QColor onAccent;  // text and icons on an accent fill
    QColor selection; // accent tint behind selected rows, text stays `text`; solid: views may paint it twice
    QColor hover;     // translucent tint behind a hovered row
    QColor track;     // empty part of a progress bar
    QColor success;
    QColor warning;
    QColor error;
    QColor link;

    // Controls and badges, used by the stylesheet.
    QColor control;
    QColor controlHover;
    QColor controlPressed;
    QColor controlBorder;
    QColor controlBorderHover;
    QColor input;
    QColor overlay; // the drop overlay's fill
    QColor youtube;
    QColor youtubeFill;
    QColor bilibili;
    QColor bilibiliFill;
    QColor neutralFill;
};

// Applies the frosted-glass look to the application: Fusion as the base style, a QPalette and the stylesheet
// from :/themes, all from the same ThemeColors. Construct it once, after QApplication.
class Theme final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Theme)

public:
    // Geometry the stylesheet and the painting code share (logical px).
    static constexpr int CardRadius = 14;
    static constexpr int ShadowBlur = 10;  // how far a card's shadow reaches
    static constexpr int ShadowOffset = 3; // how far it drops

    explicit Theme(ThemeMode mode = ThemeMode::System, QObject *parent = nullptr);
    ~Theme() override;

    [[nodiscard]] ThemeMode mode() const { return m_mode; }
    // Switches at run time: re-applies palette and stylesheet when the look changes.
    void setMode(ThemeMode mode);
    [[nodiscard]] bool isDark() const { return m_dark; }
    [[nodiscard]] const ThemeColors &colors() const;
    // The stylesheet as applied (placeholders filled in).
    [[nodiscard]] QString styleSheet() const { return m_styleSheet; }

    [[nodiscard]] static const ThemeColors &colorsFor(bool dark);
    // The colours matching whatever palette a widget has, for painting code that holds no Theme.
    [[nodiscard]] static const ThemeColors &colorsFor(const QPalette &palette);
    [[nodiscard]] static QPalette paletteFor(const ThemeColors &colors);
    [[nodiscard]] static QString styleSheetFor(const ThemeColors &colors);
    // A palette is dark when its window is darker than its text (or, where a stylesheet made the window
    // transparent or a gradient, when its text is light).
    [[nodiscard]] static bool paletteLooksDark(const QPalette &palette);
    // Space a card keeps around its rounded rectangle for the shadow (the stylesheet's margin).
    [[nodiscard]] static QMargins cardShadowMargins();

    // A monochrome icon from :/icons/<name>.svg, drawn in the current palette's text colour (disabled and
    // selected states included), crisp at any size and pixel ratio; follows theme changes by itself.
    [[nodiscard]] static QIcon icon(const QString &name);
    // The same in one fixed colour (an icon on an accent button, the drop overlay's symbol).
    [[nodiscard]] static QIcon icon(const QString &name, const QColor &color);
    [[nodiscard]] static QStringList iconNames();
    // The application's logo in its own colours (the window's and the notifications' icon), drawn from its
    // SVG at each size asked for and not kept.
    [[nodiscard]] static QIcon appIcon();
    // Sets a property the stylesheet selects on (role, platform, accent) and re-polishes, so a change after
    // the widget was shown takes effect.
    static void setStyleProperty(QWidget *widget, const char *name, const QVariant &value);
    // A clear button for a line edit, shown while it holds text. QLineEdit's own asks the desktop's icon
    // theme, and the first such lookup scans the icon directories: milliseconds of start-up for one "×".
    static void addClearButton(QLineEdit *edit);

signals:
    // The look changed (light and dark swapped); the palette and stylesheet are already applied.
    void changed();

private:
    [[nodiscard]] bool systemIsDark() const;
    void apply();

    ThemeMode m_mode;
    bool m_dark = false;
    bool m_platformDark; // what the platform palette looked like before Gravity replaced it
    QString m_styleSheet;
};

} // namespace Gravity
