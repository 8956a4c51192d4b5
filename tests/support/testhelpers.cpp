#include "testhelpers.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QThread>

namespace GravityTest {

QList<qint64> processesMatching(const QString &needle)
{
    QList<qint64> pids;
    const qint64 self = QCoreApplication::applicationPid();
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric || pid == self)
            continue;
        QFile file(QStringLiteral("/proc/") + entry + QStringLiteral("/cmdline"));
        if (!file.open(QIODevice::ReadOnly))
            continue;                    // gone already, or not ours to read
        QByteArray raw = file.readAll(); // procfs reports size 0, so read to EOF
        raw.replace('\0', ' ');
        if (QString::fromLocal8Bit(raw).trimmed().contains(needle))
            pids.append(pid);
    }
    return pids;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

bool waitNoProcessesMatching(const QString &needle, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (processesMatching(needle).isEmpty())
            return true;
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents();
        QThread::msleep(50);
    }
}

QByteArray ytDlpInfoJson(const QString &url)
{
    QProcess ytDlp;
    ytDlp.start(QStringLiteral("yt-dlp"), {QStringLiteral("--ignore-config"), QStringLiteral("--no-warnings"),
                                           QStringLiteral("-J"), QStringLiteral("--"), url});
    if (!ytDlp.waitForFinished(60000) || ytDlp.exitStatus() != QProcess::NormalExit || ytDlp.exitCode() != 0)
        return {};
    return ytDlp.readAllStandardOutput();
}

QJsonObject probeMedia(const QString &mediaFile)
{
    QProcess ffprobe;
    ffprobe.start(QStringLiteral("ffprobe"),
                  {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-of"),
                   QStringLiteral("json"), QStringLiteral("-show_format"), QStringLiteral("-show_streams"),
                   QStringLiteral("-show_chapters"), mediaFile});
    if (!ffprobe.waitForFinished(30000) || ffprobe.exitStatus() != QProcess::NormalExit ||
        ffprobe.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(ffprobe.readAllStandardOutput()).object();
}

double durationOf(const QJsonObject &probe)
{
    return probe.value(QStringLiteral("format"))
        .toObject()
        .value(QStringLiteral("duration"))
        .toString()
        .toDouble();
}

QStringList probeStreams(const QString &mediaFile)
{
    QProcess ffprobe;
    ffprobe.start(QStringLiteral("ffprobe"),
                  {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_entries"),
                   QStringLiteral("stream=index,codec_type,width,height"), QStringLiteral("-of"),
                   QStringLiteral("csv=p=0"), mediaFile});
    if (!ffprobe.waitForFinished(30000) || ffprobe.exitStatus() != QProcess::NormalExit ||
        ffprobe.exitCode() != 0)
        return {};
    // "0,video,640,360" and "1,audio" become "video:640x360" and "audio". MPEG-TS lists each stream twice
    // (once under its program), hence the index.
    QStringList streams;
    QSet<QString> seen;
    const QStringList lines =
        QString::fromUtf8(ffprobe.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QStringList fields = line.trimmed().split(u',', Qt::SkipEmptyParts);
        if (fields.size() < 2 || seen.contains(fields.at(0)))
            continue;
        seen.insert(fields.at(0));
        if (fields.size() >= 4)
            streams.append(fields.at(1) + u':' + fields.at(2) + u'x' + fields.at(3));
        else
            streams.append(fields.at(1));
    }
    return streams;
}

QString writeScript(const QString &dir, const QString &name, const QByteArray &body)
{
    const QString path = QDir(dir).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("#!/bin/sh\n" + body);
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

QString writeCookieFile(const QString &path, const QByteArray &value)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t4102444800\tsession\t" + value +
               "\n");
    return path;
}

QStringList AppRun::eventNames() const
{
    QStringList names;
    for (const QJsonObject &event : events)
        names << event.value(QStringLiteral("event")).toString();
    return names;
}

QJsonObject AppRun::first(const QString &name) const
{
    for (const QJsonObject &event : events) {
        if (event.value(QStringLiteral("event")).toString() == name)
            return event;
    }
    return {};
}

AppRun runApp(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
              int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    AppRun result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    for (const QByteArray &line : result.out.split('\n')) {
        const QJsonDocument document = QJsonDocument::fromJson(line);
        if (document.isObject())
            result.events << document.object();
    }
    return result;
}

} // namespace GravityTest
