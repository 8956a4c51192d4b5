// File name templates: presets, what is refused, and a preview that matches what the real yt-dlp writes.

#include "outputtemplate.h"
#include "ytdlparguments.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Gravity;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Gravity::OutputTemplate::Problem)

namespace {

QJsonObject sampleInfo(const QString &title = u"Big Buck Bunny"_s)
{
    return {{u"id"_s, u"aqz-KE-bpKQ"_s},
            {u"title"_s, title},
            {u"uploader"_s, u"Blender Foundation"_s},
            {u"upload_date"_s, u"20080529"_s},
            {u"ext"_s, u"webm"_s}};
}

// Relative, and no component that climbs out of the chosen folder.
bool staysInside(const QString &path)
{
    if (path.isEmpty() || path.startsWith(u'/') || path.startsWith(u'\\') ||
        (path.size() > 1 && path.at(1) == u':'))
        return false;
    const QStringList parts = path.split(u'/');
    return !parts.contains(u".."_s) && !parts.contains(u"."_s) && !parts.contains(QString());
}

QString utf8Left(const QString &text, int bytes)
{
    QString cut = QString::fromUtf8(text.toUtf8().left(bytes));
    cut.remove(QChar::ReplacementCharacter);
    return cut;
}

const QString hostileTitles[] = {
    u"../../etc/passwd"_s,
    u".."_s,
    u"a/b\\c"_s,
    u"Q: why? \"quoted\" <tag> a|b *star*"_s,
    u"line one\nline two\ttab\x01"_s,
    u"trailing dots..."_s,
    u"Live at 12:30:05 🎸🎤 — 你好"_s,
    u".hidden"_s,
    u"CON"_s,
    u"nul.txt"_s,
    u"Console"_s,
};

} // namespace

class TestOutputTemplate final : public QObject
{
    Q_OBJECT

private slots:
    void presetsStartWithTheDefaultAndAreAllValid()
    {
        const QList<OutputTemplate::Preset> presets = OutputTemplate::presets();
        QCOMPARE(presets.size(), 3);
        QCOMPARE(presets.constFirst().pattern, defaultOutputTemplate());
        QStringList ids;
        for (const OutputTemplate::Preset &preset : presets) {
            QVERIFY2(OutputTemplate::isValid(preset.pattern), qPrintable(preset.pattern));
            QVERIFY(!OutputTemplate::presetName(preset.id).isEmpty());
            QCOMPARE(OutputTemplate::presetIdFor(preset.pattern), preset.id);
            ids << preset.id;
        }
        QCOMPARE(ids, (QStringList{u"title-id"_s, u"title"_s, u"uploader-title"_s}));
        QCOMPARE(OutputTemplate::presetIdFor(QString()), u"title-id"_s); // "" means the default
        QCOMPARE(OutputTemplate::presetIdFor(u"%(id)s.%(ext)s"_s), QString());
        QCOMPARE(OutputTemplate::presetName(u"no-such-preset"_s), QString());
    }

    void templatesThatLeaveTheFolderAreRefused_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<OutputTemplate::Problem>("problem");
        using P = OutputTemplate::Problem;

        QTest::newRow("the default") << defaultOutputTemplate() << P::None;
        QTest::newRow("a folder per uploader") << u"%(uploader)s/%(title)s.%(ext)s"_s << P::None;
        QTest::newRow("a folder per year, from a date")
            << u"%(upload_date>%Y)s/%(title)s.%(ext)s"_s << P::None;
        QTest::newRow("a folder with a fallback")
            << u"%(uploader,channel|Unknown)s/%(id)s.%(ext)s"_s << P::None;
        QTest::newRow("a percent sign, escaped") << u"100%% %(title)s.%(ext)s"_s << P::None;
        QTest::newRow("dots inside a name are fine") << u"v1.2 - %(title)s.%(ext)s"_s << P::None;
        QTest::newRow("empty") << QString() << P::Empty;
        QTest::newRow("only spaces") << u"   "_s << P::Empty;
        QTest::newRow("an absolute Unix path") << u"/etc/%(title)s"_s << P::Absolute;
        QTest::newRow("a Windows root") << u"\\Windows\\%(title)s"_s << P::Absolute;
        QTest::newRow("a UNC share") << u"\\\\server\\share\\%(title)s"_s << P::Absolute;
        QTest::newRow("a drive letter") << u"C:\\Users\\%(title)s"_s << P::DriveLetter;
        QTest::newRow("a drive-relative path") << u"d:%(title)s"_s << P::DriveLetter;
        QTest::newRow("a parent folder") << u"../%(title)s.%(ext)s"_s << P::ParentDirectory;
        QTest::newRow("a parent folder in the middle") << u"a/../../%(title)s"_s << P::ParentDirectory;
        QTest::newRow("a parent folder, Windows style") << u"a\\..\\%(title)s"_s << P::ParentDirectory;
        QTest::newRow("dots Windows reads as a parent") << u"... /%(title)s"_s << P::ParentDirectory;
        QTest::newRow("a default of '..' for a folder")
            << u"%(uploader|..)s/%(title)s"_s << P::ParentDirectory;
        QTest::newRow("a newline") << u"%(title)s\n.%(ext)s"_s << P::ControlCharacter;
        QTest::newRow("a folder but no file name") << u"%(title)s/"_s << P::NoFileName;
        QTest::newRow("a template for subtitles only") << u"subtitle:%(title)s.%(ext)s"_s << P::TypePrefix;
        QTest::newRow("a folder from a nested field")
            << u"%(formats.0.url)s/%(id)s"_s << P::UnsafeFolderField;
        QTest::newRow("a folder from a replacement") << u"%(title&..)s/%(id)s"_s << P::UnsafeFolderField;
        QTest::newRow("a file named CON") << u"CON.%(ext)s"_s << P::ReservedName;
        QTest::newRow("a folder named nul") << u"nul/%(title)s.%(ext)s"_s << P::ReservedName;
        QTest::newRow("a name that only starts like a device") << u"Console/%(title)s.%(ext)s"_s << P::None;
    }

    void templatesThatLeaveTheFolderAreRefused()
    {
        QFETCH(QString, pattern);
        QFETCH(OutputTemplate::Problem, problem);
        QCOMPARE(OutputTemplate::validate(pattern), problem);
        QCOMPARE(OutputTemplate::problemText(problem).isEmpty(), problem == OutputTemplate::Problem::None);
        if (problem != OutputTemplate::Problem::None)
            QVERIFY(OutputTemplate::previewFileName(pattern, sampleInfo()).isEmpty());
    }

    void previewRendersTheCommonFields_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QJsonObject>("info");
        QTest::addColumn<QString>("ext");
        QTest::addColumn<QString>("preview");

        QTest::newRow("the default") << defaultOutputTemplate() << sampleInfo() << u"mp4"_s
                                     << u"Big Buck Bunny [aqz-KE-bpKQ].mp4"_s;
        QTest::newRow("the info's own extension when none is given")
            << defaultOutputTemplate() << sampleInfo() << QString() << u"Big Buck Bunny [aqz-KE-bpKQ].webm"_s;
        QTest::newRow("uploader and title") << u"%(uploader)s/%(title)s.%(ext)s"_s << sampleInfo() << u"mkv"_s
                                            << u"Blender Foundation/Big Buck Bunny.mkv"_s;
        QTest::newRow("a zero-padded playlist index")
            << u"%(playlist_index)03d - %(title)s.%(ext)s"_s
            << QJsonObject{{u"title"_s, u"x"_s}, {u"playlist_index"_s, 7}} << u"mp4"_s << u"007 - x.mp4"_s;
        QTest::newRow("a plain playlist index is padded to the playlist's size")
            << u"%(playlist_index)s.%(ext)s"_s << QJsonObject{{u"playlist_index"_s, 7}, {u"n_entries"_s, 120}}
            << u"mp4"_s << u"007.mp4"_s;
        QTest::newRow("the playlist's title and the upload date")
            << u"%(playlist_title)s/%(upload_date)s %(title)s.%(ext)s"_s
            << QJsonObject{{u"playlist_title"_s, u"Trips"_s},
                           {u"title"_s, u"Rome"_s},
                           {u"upload_date"_s, u"20240131"_s}}
            << u"mp4"_s << u"Trips/20240131 Rome.mp4"_s;
        QTest::newRow("a date written by mediaInfoToJson")
            << u"%(upload_date)s.%(ext)s"_s << QJsonObject{{u"upload_date"_s, u"2024-01-31"_s}} << u"mp4"_s
            << u"20240131.mp4"_s;
        QTest::newRow("a date reformatted")
            << u"%(upload_date>%Y-%m-%d)s.%(ext)s"_s << sampleInfo() << u"mp4"_s << u"2008-05-29.mp4"_s;
        QTest::newRow("a missing field is NA")
            << u"%(uploader)s - %(title)s.%(ext)s"_s << QJsonObject{{u"title"_s, u"x"_s}} << u"mp4"_s
            << u"NA - x.mp4"_s;
        QTest::newRow("an alternative, then a default")
            << u"%(channel,uploader)s %(album|none)s.%(ext)s"_s << sampleInfo() << u"mp4"_s
            << u"Blender Foundation none.mp4"_s;
        QTest::newRow("a precision in characters")
            << u"%(title).3s.%(ext)s"_s << sampleInfo() << u"mp4"_s << u"Big.mp4"_s;
        QTest::newRow("an escaped percent")
            << u"100%% %(id)s.%(ext)s"_s << sampleInfo() << u"mp4"_s << u"100% aqz-KE-bpKQ.mp4"_s;
        QTest::newRow("a literal character Windows refuses becomes #")
            << u"%(id)s?.%(ext)s"_s << sampleInfo() << u"mp4"_s << u"aqz-KE-bpKQ#.mp4"_s;
    }

    void previewRendersTheCommonFields()
    {
        QFETCH(QString, pattern);
        QFETCH(QJsonObject, info);
        QFETCH(QString, ext);
        QTEST(OutputTemplate::previewFileName(pattern, info, ext), "preview");
    }

    void hostileTitlesStayInTheFolder_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("preview");

        const QString title = OutputTemplate::presets().at(1).pattern; // %(title).200B.%(ext)s
        QTest::newRow("../../etc: slashes become look-alikes, the leading dot gets a '_'")
            << title << u"../../etc"_s << u"_..⧸..⧸etc.mp4"_s;
        QTest::newRow("a hidden file is not hidden") << title << u".profile"_s << u"_.profile.mp4"_s;
        QTest::newRow("a/b\\c: one name, not folders") << title << u"a/b\\c"_s << u"a⧸b⧹c.mp4"_s;
        QTest::newRow("Windows' reserved characters become full-width")
            << title << u"a:b*c?d\"e<f>g|h"_s << u"a：b＊c？d＂e＜f＞g｜h.mp4"_s;
        QTest::newRow("CON is not a device") << title << u"CON"_s << u"CON_.mp4"_s;
        QTest::newRow("nul in lower case neither") << title << u"nul"_s << u"nul_.mp4"_s;
        QTest::newRow("nul.txt neither") << title << u"nul.txt"_s << u"nul_.txt.mp4"_s;
        QTest::newRow("COM1 neither") << title << u"COM1"_s << u"COM1_.mp4"_s;
        QTest::newRow("CONSOLE is an ordinary name") << title << u"CONSOLE"_s << u"CONSOLE.mp4"_s;
        QTest::newRow("control characters go, line breaks become spaces")
            << title << u"a\x01\x7f\nb"_s << u"a b.mp4"_s;
        QTest::newRow("a trailing dot or space is not left for Windows to drop")
            << u"%(title)s"_s << u"name. "_s << u"name.#"_s;
        QTest::newRow("an emoji is kept whole") << title << u"🎸 solo"_s << u"🎸 solo.mp4"_s;
        QTest::newRow("an empty title is _") << title << QString() << u".mp4"_s;
        QTest::newRow("a title of '..' naming a folder gets a '_'")
            << u"%(title)s/%(id)s.%(ext)s"_s << u".."_s << u"_.#/x1.mp4"_s;
        QTest::newRow("a hidden-folder title naming a folder gets a '_'")
            << u"%(title)s/%(id)s.%(ext)s"_s << u".config"_s << u"_.config/x1.mp4"_s;
    }

    void hostileTitlesStayInTheFolder()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, title);
        const QString preview =
            OutputTemplate::previewFileName(pattern, {{u"title"_s, title}, {u"id"_s, u"x1"_s}}, u"mp4"_s);
        QVERIFY2(staysInside(preview), qPrintable(preview));
        QTEST(preview, "preview");
    }

    void longTitlesAreCutInBytesWithoutBreakingACharacter_data()
    {
        QTest::addColumn<QString>("title");
        QTest::newRow("400 ASCII characters") << QString(400, u'a');
        QTest::newRow("400 Chinese characters (3 bytes each)") << QString(400, QChar(0x4F60));
        QTest::newRow("200 emoji (4 bytes each)") << QString(u"🎸"_s).repeated(200);
        QTest::newRow("a slash at the cut grows after the cut") << QString(199, u'a') + u"/bbb"_s;
    }

    void longTitlesAreCutInBytesWithoutBreakingACharacter()
    {
        QFETCH(QString, title);
        const QString preview = OutputTemplate::previewFileName(
            defaultOutputTemplate(), {{u"title"_s, title}, {u"id"_s, u"x"_s}}, u"mp4"_s);
        QVERIFY(staysInside(preview));
        QVERIFY(preview.endsWith(u" [x].mp4"_s));
        const QString name = preview.chopped(8);
        QVERIFY(!name.contains(QChar::ReplacementCharacter));
        QCOMPARE(name, OutputTemplate::sanitizeField(utf8Left(title, 200)));
        QVERIFY(name.toUtf8().size() <= 202); // a '/' at the cut becomes 3 bytes
    }

    void playlistEntriesGoIntoAFolderOfTheirOwn_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("playlistTitle");
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("preview");

        const QString base = defaultOutputTemplate();
        QTest::newRow("a folder named after the list, entries numbered")
            << base << u"My Trips"_s << 3 << u"My Trips/003 - %(title).200B [%(id)s].%(ext)s"_s
            << u"My Trips/003 - Big Buck Bunny [aqz-KE-bpKQ].mp4"_s;
        QTest::newRow("past 999 the number grows")
            << base << u"Long"_s << 1234 << u"Long/1234 - %(title).200B [%(id)s].%(ext)s"_s
            << u"Long/1234 - Big Buck Bunny [aqz-KE-bpKQ].mp4"_s;
        QTest::newRow("the number goes on the file, not the template's folder")
            << u"%(uploader)s/%(title)s.%(ext)s"_s << u"Mix"_s << 12
            << u"Mix/%(uploader)s/012 - %(title)s.%(ext)s"_s
            << u"Mix/Blender Foundation/012 - Big Buck Bunny.mp4"_s;
        QTest::newRow("a title with a percent cannot add fields")
            << base << u"100% %(id)s"_s << 1 << u"100%% %%(id)s/001 - %(title).200B [%(id)s].%(ext)s"_s
            << u"100% %(id)s/001 - Big Buck Bunny [aqz-KE-bpKQ].mp4"_s;
        QTest::newRow("a title of ../../etc stays one folder")
            << base << u"../../etc"_s << 2 << u"..⧸..⧸etc/002 - %(title).200B [%(id)s].%(ext)s"_s
            << u"..⧸..⧸etc/002 - Big Buck Bunny [aqz-KE-bpKQ].mp4"_s;
        QTest::newRow("a title of .. is not the parent")
            << base << u".."_s << 1 << u".#/001 - %(title).200B [%(id)s].%(ext)s"_s
            << u".#/001 - Big Buck Bunny [aqz-KE-bpKQ].mp4"_s;
        QTest::newRow("a reserved name is not a device")
            << base << u"AUX"_s << 1 << u"AUX_/001 - %(title).200B [%(id)s].%(ext)s"_s
            << u"AUX_/001 - Big Buck Bunny [aqz-KE-bpKQ].mp4"_s;
        QTest::newRow("no title: no folder")
            << base << u"  "_s << 4 << u"004 - %(title).200B [%(id)s].%(ext)s"_s
            << u"004 - Big Buck Bunny [aqz-KE-bpKQ].mp4"_s;
        QTest::newRow("no index: no number")
            << base << u"List"_s << 0 << u"List/%(title).200B [%(id)s].%(ext)s"_s
            << u"List/Big Buck Bunny [aqz-KE-bpKQ].mp4"_s;
        QTest::newRow("an invalid base falls back to the default")
            << u"/etc/%(title)s"_s << u"L"_s << 1 << u"L/001 - %(title).200B [%(id)s].%(ext)s"_s
            << u"L/001 - Big Buck Bunny [aqz-KE-bpKQ].mp4"_s;
    }

    void playlistEntriesGoIntoAFolderOfTheirOwn()
    {
        QFETCH(QString, base);
        QFETCH(QString, playlistTitle);
        QFETCH(int, index);
        QFETCH(QString, pattern);
        const QString result = OutputTemplate::playlistTemplate(base, playlistTitle, index);
        QCOMPARE(result, pattern);
        QVERIFY(OutputTemplate::isValid(result));
        const QString preview = OutputTemplate::previewFileName(result, sampleInfo(), u"mp4"_s);
        QVERIFY2(staysInside(preview), qPrintable(preview));
        QTEST(preview, "preview");
    }

    void aVeryLongPlaylistTitleIsCut()
    {
        const QString result =
            OutputTemplate::playlistTemplate(defaultOutputTemplate(), QString(300, u'x'), 1);
        QCOMPARE(result.section(u'/', 0, 0), QString(100, u'x'));
    }

    // The preview is only worth showing if it is what yt-dlp writes: the same info, through the real
    // yt-dlp's --print filename with the arguments Gravity downloads with.
    void previewMatchesTheRealYtDlp_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("title");

        for (const QString &pattern : {defaultOutputTemplate(), u"%(uploader)s/%(title)s.%(ext)s"_s,
                                       u"%(title)s/%(upload_date>%Y)s %(id)s.%(ext)s"_s,
                                       u"%(title).10B - %(missing|none)s.%(ext)s"_s}) {
            for (const QString &title : hostileTitles) {
                const QByteArray name = (pattern + u" ← "_s + title.left(24)).toUtf8();
                QTest::newRow(name.constData()) << pattern << title;
            }
        }
    }

    void previewMatchesTheRealYtDlp()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, title);
        const QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QJsonObject info = sampleInfo(title);
        info.insert(u"uploader"_s, title);
        info.insert(u"extractor"_s, u"generic"_s);
        info.insert(u"extractor_key"_s, u"Generic"_s);
        info.insert(u"url"_s, u"http://127.0.0.1:9/v.webm"_s);
        info.insert(u"webpage_url"_s, u"http://127.0.0.1:9/v"_s);
        const QString infoPath = dir.filePath(u"v.info.json"_s);
        QFile file(infoPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(info).toJson());
        file.close();

        // Gravity's own arguments for the file name, then only printing it.
        DownloadRequest request;
        request.options.outputDir = dir.path();
        request.options.outputTemplate = pattern;
        const QStringList gravity = downloadArguments(request, infoPath, {});
        QStringList arguments{u"--ignore-config"_s,
                              u"--no-warnings"_s,
                              u"--skip-download"_s,
                              u"--print"_s,
                              u"filename"_s,
                              u"--load-info-json"_s,
                              infoPath,
                              u"-P"_s,
                              dir.path(),
                              u"-o"_s,
                              pattern,
                              u"--windows-filenames"_s};
        for (qsizetype at = gravity.indexOf(u"--replace-in-metadata"_s); at >= 0;
             at = gravity.indexOf(u"--replace-in-metadata"_s, at + 1))
            arguments << gravity.mid(at, 4);
        QProcess ytDlp;
        ytDlp.start(u"yt-dlp"_s, arguments);
        QVERIFY(ytDlp.waitForFinished(30000));
        QCOMPARE(ytDlp.exitCode(), 0);
        const QString printed = QString::fromUtf8(ytDlp.readAllStandardOutput()).trimmed();
        QCOMPARE(OutputTemplate::previewFileName(pattern, info), printed.mid(dir.path().size() + 1));
        QVERIFY(staysInside(printed.mid(dir.path().size() + 1)));
    }
};

QTEST_GUILESS_MAIN(TestOutputTemplate)
#include "tst_outputtemplate.moc"
