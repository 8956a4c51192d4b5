#pragma once

#include <QString>

#include <optional>

namespace Gravity {

enum class Tool
{
    YtDlp,
    Ffmpeg
};

// Finds the external programs: the configured path first, then next to Gravity's executable (how the Windows
// and macOS packages ship them), then Gravity's data folder's bin/ (a copy it may update), then PATH.
class ToolLocator final
{
public:
    // Absolute path, or empty when the tool is nowhere to be found.
    [[nodiscard]] static QString locate(Tool tool, const QString &configuredPath = {});
    // "yt-dlp" / "ffmpeg", with ".exe" on Windows.
    [[nodiscard]] static QString executableName(Tool tool);

    // `yt-dlp --version`, run once per path and cached for the life of the process. Blocks for up to a few
    // seconds the first time: call it off the GUI thread.
    [[nodiscard]] static std::optional<QString> ytDlpVersion(const QString &path);
    // The version word of `ffmpeg -version`'s first line ("6.1.1-3", "n7.0"), cached and blocking like
    // ytDlpVersion.
    [[nodiscard]] static std::optional<QString> ffmpegVersion(const QString &path);
    // Drops what was cached for `path`, so the next ytDlpVersion() runs it again (after an update).
    static void forgetVersion(const QString &path);
    // yt-dlp versions are dates ("2023.03.04", "2024.12.06.232811"); compares them field by field.
    [[nodiscard]] static bool isVersionAtLeast(const QString &version, const QString &minimum);
    // The oldest yt-dlp whose output Gravity reads correctly (progress templates for postprocessors,
    // --print after_move, -P).
    [[nodiscard]] static QString minimumYtDlpVersion() { return QStringLiteral("2021.12.01"); }
};

} // namespace Gravity
