#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Gravity {

// yt-dlp output templates (-o) as Gravity offers them: a few presets, a check that a template stays inside
// the chosen folder, and a preview of the name a download will get. Pure functions: no files, no processes.
class OutputTemplate final
{
    Q_DECLARE_TR_FUNCTIONS(Gravity::OutputTemplate)

public:
    struct Preset
    {
        QString id;      // stable, for settings: "title-id", "title", "uploader-title"
        QString pattern; // the yt-dlp template
    };

    enum class Problem
    {
        None,
        Empty,           // nothing but spaces
        Absolute,        // "/x", "\x", "\\server\share"
        DriveLetter,     // "C:x", "C:\x"
        ParentDirectory, // a ".." component: the file would land outside the chosen folder
        ControlCharacter,
        NoFileName, // ends in a folder separator
        TypePrefix, // "subtitle:…", "infojson:…": yt-dlp would read it as a template for other files
        UnsafeFolderField, // a folder named by a field that is not plain (%(a.b)s, %(a+1)s, %(a&x)s)
        ReservedName,      // a name starting with a Windows device name: "CON.%(ext)s", "nul/…"
    };

    // "title [id]" first: it is the default (ytdlparguments' defaultOutputTemplate()).
    [[nodiscard]] static QList<Preset> presets();
    [[nodiscard]] static QString presetName(const QString &id);       // translated; empty for an unknown id
    [[nodiscard]] static QString presetIdFor(const QString &pattern); // empty when the pattern is custom

    [[nodiscard]] static Problem validate(const QString &pattern);
    [[nodiscard]] static bool isValid(const QString &pattern) { return validate(pattern) == Problem::None; }
    [[nodiscard]] static QString problemText(Problem problem); // translated; empty for None

    // yt-dlp 2023.03 writes a video whose uploader is ".." into the parent folder when the template makes a
    // folder of the uploader, keeps a title's leading dot (a hidden file) and names a file "CON.mp4", which
    // Windows opens as the console. So the fields that can make or begin a path component (every plain field
    // of a folder, the first field of the file name) are fixed before yt-dlp names the file, with these
    // --replace-in-metadata rules ("..x" → "_..x", "CON" → "CON_"); the preview applies the same.
    struct MetadataFix
    {
        QString pattern;     // a regular expression Python and PCRE read alike
        QString replacement; // with \1 for the first group
    };
    [[nodiscard]] static QList<MetadataFix> metadataFixes();
    [[nodiscard]] static QStringList protectedFields(const QString &pattern); // empty for an invalid pattern

    // The relative path (with '/' separators) yt-dlp would write for `pattern` and this info, fields
    // sanitised the way yt-dlp --windows-filenames does. `info` is a yt-dlp info dict or mediaInfoToJson()
    // output; `ext` overrides its "ext". Supports %(field)s, alternatives and defaults (%(a,b|x)s), widths
    // and precisions (%(playlist_index)03d, %(title).200B). Empty when the pattern is invalid. Never absolute
    // and never with a ".." component.
    [[nodiscard]] static QString previewFileName(const QString &pattern, const QJsonObject &info,
                                                 const QString &ext = {});

    // For one entry of a playlist queued on its own: the entry goes into a folder named after the playlist,
    // its file name prefixed with the entry's index ("My list/003 - %(title)…"). The title is sanitised and
    // its '%' escaped, so a title can neither add fields nor leave the folder. index <= 0: no prefix; an
    // empty title: no folder.
    [[nodiscard]] static QString playlistTemplate(const QString &baseTemplate, const QString &playlistTitle,
                                                  int index);

    // One field's value as yt-dlp writes it into a file name: '/', '\', ':', '*', '?', '"', '<', '>', '|'
    // become their full-width look-alikes, line breaks spaces, other control characters go; "_" when nothing
    // is left (an empty value stays empty).
    [[nodiscard]] static QString sanitizeField(const QString &value);
    // One path component as --windows-filenames leaves it: characters Windows refuses become '#', so does a
    // trailing dot or space; and a reserved device name (CON, NUL, COM1, …) gets a '_' (what the metadata
    // fixes do to fields; here for names Gravity makes itself, such as a playlist's folder).
    [[nodiscard]] static QString sanitizeComponent(const QString &component);
};

} // namespace Gravity
