#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace GravityTest {

// Pids of running processes whose command line contains `needle` (reads /proc; empty where there is none).
[[nodiscard]] QList<qint64> processesMatching(const QString &needle);
// Waits (spinning the event loop) until no process matches `needle`, up to timeoutMs. True when none is left.
[[nodiscard]] bool waitNoProcessesMatching(const QString &needle, int timeoutMs = 5000);
// Writes an executable /bin/sh script `name` with `body` into dir; its path, or empty on failure. For
// stand-ins that do what the real yt-dlp cannot do on demand (crash, hang, ignore SIGTERM).
[[nodiscard]] QString writeScript(const QString &dir, const QString &name, const QByteArray &body);
// A Netscape cookies file at path for --cookies, holding one cookie for 127.0.0.1 named "session" with value;
// path, or empty on failure.
[[nodiscard]] QString writeCookieFile(const QString &path, const QByteArray &value);
// SHA-256 of a file's bytes (empty when it cannot be read): "byte-identical" in one comparison.
[[nodiscard]] QByteArray fileHash(const QString &path);
// yt-dlp's own `-J` of url (the real yt-dlp on PATH), as a user saves it for --load-info-json; empty when it
// fails.
[[nodiscard]] QByteArray ytDlpInfoJson(const QString &url);
// ffprobe's view of a media file: its format (duration, tags), streams and chapters; empty on failure.
[[nodiscard]] QJsonObject probeMedia(const QString &mediaFile);
// The duration in seconds from probeMedia()'s format; 0 when unknown.
[[nodiscard]] double durationOf(const QJsonObject &probe);
// Streams in a media file as "video:640x360" / "audio" lines, from the real ffprobe.
[[nodiscard]] QStringList probeStreams(const QString &mediaFile);

// How a run of the app as a child process ended, and what it wrote.
struct AppRun
{
    int exitCode = -1; // -1 when it did not finish in time (and was killed), -2 when it crashed
    QByteArray out;
    QByteArray err;
    QList<QJsonObject> events; // the JSON objects among the stdout lines, as --json writes them
    // The "event" of each, in order.
    [[nodiscard]] QStringList eventNames() const;
    // The first event named name, or an empty object.
    [[nodiscard]] QJsonObject first(const QString &name) const;
};
// Runs program (the app; its path is a compile definition of each test) with arguments in environment
// until it exits, for up to timeoutMs.
[[nodiscard]] AppRun runApp(const QString &program, const QStringList &arguments,
                            const QProcessEnvironment &environment, int timeoutMs = 120000);

#ifdef GRAVITY_TEST_DATA
// Absolute path of a file under tests/data. Inline because GRAVITY_TEST_DATA is defined for each test
// executable, not for this library.
[[nodiscard]] inline QString testDataPath(const QString &relative)
{
    return QStringLiteral(GRAVITY_TEST_DATA) + u'/' + relative;
}
#endif

} // namespace GravityTest
