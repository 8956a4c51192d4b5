#include "mediafixtures.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace GravityTest {

namespace {

// Named after the set of files: a build tree made with an older set regenerates it.
constexpr auto kStamp = "/.complete-v4";
constexpr int kFfmpegTimeoutMs = 240'000;

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

bool runFfmpeg(const QString &ffmpeg, const QString &workDir, const QStringList &args, QString *error)
{
    QProcess process;
    process.setWorkingDirectory(workDir);
    const QStringList fullArgs = QStringList{QStringLiteral("-nostdin"), QStringLiteral("-loglevel"),
                                             QStringLiteral("error"), QStringLiteral("-y")} +
                                 args;
    process.start(ffmpeg, fullArgs);
    if (!process.waitForStarted(30'000)) {
        setError(error, QStringLiteral("cannot start ffmpeg: ") + process.errorString());
        return false;
    }
    if (!process.waitForFinished(kFfmpegTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        setError(error, QStringLiteral("ffmpeg timed out: ") + fullArgs.join(u' '));
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        setError(error, QStringLiteral("ffmpeg failed (exit code ") + QString::number(process.exitCode()) +
                            QStringLiteral("): ") + fullArgs.join(u' ') + u'\n' +
                            QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    return true;
}

bool writeText(const QString &path, const QString &text, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.flush()) {
        setError(error, QStringLiteral("cannot write ") + path + QStringLiteral(": ") + file.errorString());
        return false;
    }
    return true;
}

QStringList split(const char *args)
{
    return QString::fromLatin1(args).split(u' ', Qt::SkipEmptyParts);
}

// One HLS rendition: 2 s segments with a keyframe at each boundary, a finished (VOD) playlist.
QStringList hlsArgs(const QString &name)
{
    return split("-f hls -hls_time 2 -hls_playlist_type vod -hls_segment_filename") +
           QStringList{name + QStringLiteral("_%03d.ts"), name + QStringLiteral(".m3u8")};
}

bool generate(const QString &ffmpeg, const QString &dir, QString *error)
{
    const QString hls = dir + QStringLiteral("/hls");
    if (!QDir().mkpath(hls)) {
        setError(error, QStringLiteral("cannot create ") + hls);
        return false;
    }
    const QStringList h264 = split("-c:v libx264 -preset ultrafast -pix_fmt yuv420p");
    const QStringList aac = split("-c:a aac -b:a 128k");
    const QStringList steps[] = {
        split("-f lavfi -i testsrc=size=640x360:rate=25:duration=3"
              " -f lavfi -i sine=frequency=440:sample_rate=44100:duration=3") +
            h264 + aac + split("-shortest -movflags +faststart clip.mp4"),
        // Noise keeps the encoder from compressing the picture away, so the bitrate (and the size) is real.
        split("-f lavfi -i testsrc2=size=640x360:rate=25:duration=20"
              " -f lavfi -i sine=frequency=330:sample_rate=44100:duration=20 -vf noise=alls=30:allf=t+u") +
            h264 + split("-b:v 3M -maxrate 3M -bufsize 3M -g 50") + aac +
            split("-shortest -movflags +faststart slow.mp4"),
        // The pages' video poster, which yt-dlp reports as the thumbnail.
        split("-ss 1 -i clip.mp4 -frames:v 1 -q:v 3 thumb.jpg"),
    };
    for (const QStringList &args : steps) {
        if (!runFfmpeg(ffmpeg, dir, args, error))
            return false;
    }
    const QStringList gop = split("-g 25 -keyint_min 25 -sc_threshold 0 -an");
    const QStringList hlsSteps[] = {
        split("-f lavfi -i testsrc=size=640x360:rate=25:duration=4") + h264 + gop +
            hlsArgs(QStringLiteral("v360")),
        split("-f lavfi -i testsrc=size=1280x720:rate=25:duration=4") + h264 + gop +
            hlsArgs(QStringLiteral("v720")),
        split("-f lavfi -i sine=frequency=440:sample_rate=44100:duration=4 -vn") + aac +
            hlsArgs(QStringLiteral("audio")),
    };
    for (const QStringList &args : hlsSteps) {
        if (!runFfmpeg(ffmpeg, hls, args, error))
            return false;
    }

    // Split streams as Bilibili and YouTube serve them over DASH: a video-only mp4 and an audio-only m4a.
    const QString dash = dir + QStringLiteral("/dash");
    if (!QDir().mkpath(dash)) {
        setError(error, QStringLiteral("cannot create ") + dash);
        return false;
    }
    const QStringList dashSteps[] = {
        split("-i ../clip.mp4 -map 0:v -c copy -movflags +faststart video360.mp4"),
        split("-i ../clip.mp4 -map 0:a -c copy -movflags +faststart audio.m4a"),
    };
    for (const QStringList &args : dashSteps) {
        if (!runFfmpeg(ffmpeg, dash, args, error))
            return false;
    }

    const QString clip = dir + QStringLiteral("/clip.mp4");
    for (int i = 1; i <= 3; ++i) {
        const QString copy = dir + QStringLiteral("/clip%1.mp4").arg(i);
        if (!QFile::copy(clip, copy)) {
            setError(error, QStringLiteral("cannot copy ") + clip + QStringLiteral(" to ") + copy);
            return false;
        }
    }
    const QString clipLength = QString::number(QFileInfo(clip).size());

    const QString page = QStringLiteral(R"(<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>%1</title></head>
<body>
<h1>%1</h1>
<video src="{{BASE}}/%2" poster="{{BASE}}/thumb.jpg" controls width="640" height="360"></video>
</body>
</html>
)");
    const QString master = QStringLiteral(R"(#EXTM3U
#EXT-X-VERSION:3
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="English",LANGUAGE="en",DEFAULT=YES,AUTOSELECT=YES,URI="audio.m3u8"
#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2",AUDIO="aud"
v360.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=2500000,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2",AUDIO="aud"
v720.m3u8
)");
    QString items;
    const char *titles[] = {"First clip", "Second clip", "Third clip"};
    for (int i = 1; i <= 3; ++i) {
        items += QStringLiteral(R"(    <item>
      <title>%1</title>
      <link>{{BASE}}/clip%2.mp4</link>
      <guid isPermaLink="false">gravity-clip-%2</guid>
      <pubDate>Mon, 0%2 Jan 2024 12:00:00 GMT</pubDate>
      <enclosure url="{{BASE}}/clip%2.mp4" type="video/mp4" length="%3"/>
    </item>
)")
                     .arg(QString::fromLatin1(titles[i - 1]), QString::number(i), clipLength);
    }
    const QString feed = QStringLiteral(R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Gravity Test Feed</title>
    <link>{{BASE}}/feed.xml</link>
    <description>Three short clips served from the loopback test server.</description>
%1  </channel>
</rss>
)")
                             .arg(items);

    return writeText(dir + QStringLiteral("/page.html"),
                     page.arg(QStringLiteral("Gravity Test Clip"), QStringLiteral("clip.mp4")), error) &&
           writeText(dir + QStringLiteral("/slow.html"),
                     page.arg(QStringLiteral("Gravity Slow Clip"), QStringLiteral("slow.mp4")), error) &&
           writeText(hls + QStringLiteral("/master.m3u8"), master, error) &&
           writeText(dir + QStringLiteral("/feed.xml"), feed, error)
           // The stamp goes last: its presence means every file above is complete.
           && writeText(dir + QLatin1String(kStamp), QDateTime::currentDateTimeUtc().toString(Qt::ISODate),
                        error);
}

bool renameDir(const QString &from, const QString &to)
{
    return std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

} // namespace

bool MediaFixtures::ensure(const QString &dir, QString *error)
{
    const QString target = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    if (QFileInfo::exists(target + QLatin1String(kStamp)))
        return true;
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty()) {
        setError(error, QStringLiteral("ffmpeg not found in PATH"));
        return false;
    }
    const QFileInfo targetInfo(target);
    if (!QDir().mkpath(targetInfo.absolutePath())) {
        setError(error, QStringLiteral("cannot create ") + targetInfo.absolutePath());
        return false;
    }
    // Generate beside the target and rename into place, so concurrent callers never see half a set.
    QTemporaryDir work(target + QStringLiteral(".tmp-XXXXXX"));
    if (!work.isValid()) {
        setError(error, QStringLiteral("cannot create a folder beside ") + target + QStringLiteral(": ") +
                            work.errorString());
        return false;
    }
    QFile::setPermissions(work.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                           QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther |
                                           QFile::ExeOther);
    if (!generate(ffmpeg, work.path(), error))
        return false;

    for (int attempt = 0; attempt < 2; ++attempt) {
        if (renameDir(work.path(), target)) { // also replaces an empty target folder
            work.setAutoRemove(false);
            return true;
        }
        const int renameErrno = errno;
        if (QFileInfo::exists(target + QLatin1String(kStamp)))
            return true; // another ensure() won the race; ours is removed with `work`
        if (attempt == 0) {
            // A leftover without the stamp (an interrupted older run): move it aside and try once more.
            const QString aside = target + QStringLiteral(".stale-") +
                                  QString::number(QCoreApplication::applicationPid()) + u'-' +
                                  QString::number(QDateTime::currentMSecsSinceEpoch());
            if (renameDir(target, aside))
                QDir(aside).removeRecursively();
            continue;
        }
        setError(error, QStringLiteral("cannot move the fixtures into ") + target + QStringLiteral(": ") +
                            QString::fromLocal8Bit(std::strerror(renameErrno)));
    }
    return false;
}

QString MediaFixtures::fromEnvironment(QString *error)
{
    QString dir = qEnvironmentVariable("GRAVITY_FIXTURES");
    if (dir.isEmpty())
        dir = QDir::tempPath() + QStringLiteral("/gravity-test-fixtures");
    if (!ensure(dir, error))
        return {};
    return QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
}

} // namespace GravityTest
