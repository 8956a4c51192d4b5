#include "formatselector.h"
#include "outputparser.h"
#include "ytdlparguments.h"

#include <QTest>

using namespace Gravity;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Gravity::DownloadOptions)
Q_DECLARE_METATYPE(Gravity::QualityPreset)
Q_DECLARE_METATYPE(Gravity::SubtitleMode)
Q_DECLARE_METATYPE(Gravity::NetworkConfig)

namespace {

const QString watchUrl = u"https://www.youtube.com/watch?v=dQw4w9WgXcQ"_s;

DownloadRequest requestFor(const QString &url, const DownloadOptions &options = {})
{
    DownloadRequest request;
    request.url = url;
    request.options = options;
    if (request.options.outputDir.isEmpty())
        request.options.outputDir = u"/home/user/Videos"_s;
    return request;
}

DownloadOptions optionsFor(QualityPreset quality, AudioFormat audio = AudioFormat::None,
                           Container container = Container::Auto, const QString &formatSpec = {})
{
    DownloadOptions options;
    options.quality = quality;
    options.audioFormat = audio;
    options.container = container;
    options.formatSpec = formatSpec;
    return options;
}

// The value given to an option ("-f" → its selector); a null string when the option is missing.
QString valueOf(const QStringList &arguments, const QString &option)
{
    const qsizetype at = arguments.indexOf(option);
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : QString();
}

bool containsRun(const QStringList &arguments, const QStringList &run)
{
    for (qsizetype i = 0; i + run.size() <= arguments.size(); ++i) {
        if (arguments.mid(i, run.size()) == run)
            return true;
    }
    return false;
}

QString prefixed(const char *kind, const char *prefix)
{
    return QLatin1String(kind) + QLatin1String(prefix);
}

} // namespace

class TestYtDlpArguments final : public QObject
{
    Q_OBJECT

private slots:
    void urlComesLastAfterDoubleDash_data();
    void urlComesLastAfterDoubleDash();
    void savedInfoReplacesTheUrl_data();
    void savedInfoReplacesTheUrl();
    void aDirectRunWritesTheInfoAndSkipsWhatOnlyAParseCanTake();
    void theInfoFileOfADirectRunIsWhereYtDlpWritesIt_data();
    void theInfoFileOfADirectRunIsWhereYtDlpWritesIt();
    void recordsGravityReads_data();
    void recordsGravityReads();
    void whereFilesGo_data();
    void whereFilesGo();
    void formatAndConversion_data();
    void formatAndConversion();
    void subtitles_data();
    void subtitles();
    void ffmpegLocation_data();
    void ffmpegLocation();
    void probe_data();
    void probe();
    void networkOptions_data();
    void networkOptions();
    void namesFromAPageAreMadeSafe_data();
    void namesFromAPageAreMadeSafe();
};

void TestYtDlpArguments::urlComesLastAfterDoubleDash_data()
{
    QTest::addColumn<QString>("url");

    QTest::newRow("a YouTube watch link") << watchUrl;
    QTest::newRow("a Bilibili link") << u"https://www.bilibili.com/video/BV1GJ411x7h7"_s;
    // yt-dlp follows the short link's redirect itself: it is passed as it is, not resolved by Gravity.
    QTest::newRow("a b23.tv short link") << u"https://b23.tv/AbC123x"_s;
    QTest::newRow("a bangumi episode") << u"https://www.bilibili.com/bangumi/play/ep123456"_s;
    QTest::newRow("a YouTube Short") << u"https://www.youtube.com/shorts/abcdEFGhijk"_s;
    QTest::newRow("a pasted option that would run a command stays a URL") << u"--exec=rm -rf ~"_s;
    QTest::newRow("a pasted option that would overwrite a file stays a URL") << u"-o/etc/passwd"_s;
    QTest::newRow("a pasted option with a space stays one URL") << u"--config-location x"_s;
    QTest::newRow("a lone dash stays a URL") << u"-"_s;
    QTest::newRow("a URL with spaces and quotes stays one argument") << u"https://e.org/a b?\"x\"='y'"_s;
}

void TestYtDlpArguments::urlComesLastAfterDoubleDash()
{
    QFETCH(QString, url);
    for (const QStringList &arguments :
         {downloadArguments(requestFor(url), {}, {}), probeArguments(url, {}),
          directDownloadArguments(requestFor(url), u"/home/user/.cache/info/a.run.info.json"_s, {})}) {
        QCOMPARE(arguments.constFirst(), u"--ignore-config"_s);
        QCOMPARE(arguments.constLast(), url);
        QCOMPARE(arguments.indexOf(url), arguments.size() - 1); // nowhere else, as option or value
        QCOMPARE(arguments.at(arguments.size() - 2), u"--"_s);
        QCOMPARE(arguments.count(u"--"_s), 1);
    }
}

void TestYtDlpArguments::savedInfoReplacesTheUrl_data()
{
    QTest::addColumn<QString>("infoJsonPath");

    QTest::newRow("a probe's info in the temp folder") << u"/tmp/gravity-abc/info.json"_s;
    QTest::newRow("a user's file with spaces and Chinese") << u"/home/user/下载/my video.info.json"_s;
    QTest::newRow("a file named like an option is only a value") << u"--exec=x"_s;
}

void TestYtDlpArguments::savedInfoReplacesTheUrl()
{
    QFETCH(QString, infoJsonPath);
    const QStringList fromInfo = downloadArguments(requestFor(watchUrl), infoJsonPath, {});
    QCOMPARE(fromInfo.constFirst(), u"--ignore-config"_s);
    QVERIFY(containsRun(fromInfo, {u"--load-info-json"_s, infoJsonPath}));
    QVERIFY(!fromInfo.contains(u"--"_s));
    QVERIFY(!fromInfo.contains(watchUrl));

    // Everything else is what a download by URL asks for.
    const QStringList fromUrl = downloadArguments(requestFor(watchUrl), {}, {});
    QCOMPARE(fromInfo.mid(0, fromInfo.size() - 2), fromUrl.mid(0, fromUrl.size() - 2));
}

void TestYtDlpArguments::aDirectRunWritesTheInfoAndSkipsWhatOnlyAParseCanTake()
{
    // yt-dlp reads the file name as an output template: a '%' in it is written "%%".
    const QStringList direct =
        directDownloadArguments(requestFor(watchUrl), u"/home/user/.cache/100%/a.run.info.json"_s, {});
    QVERIFY(containsRun(
        direct, {u"--print-to-file"_s, u"video:%()j"_s, u"/home/user/.cache/100%%/a.run.info.json"_s}));
    QVERIFY(containsRun(direct, {u"--playlist-items"_s, u"1"_s}));
    const QString filter = valueOf(direct, u"--match-filter"_s);
    QVERIFY2(filter.contains(u"!is_live"_s) && filter.contains(u"!playlist_id"_s), qPrintable(filter));
    // A multi-part video is a playlist to skip, not a first part to download.
    QVERIFY(!direct.contains(u"--no-playlist"_s));

    // Everything else is what a download by URL asks for.
    QStringList byUrl = downloadArguments(requestFor(watchUrl), {}, {});
    byUrl.removeAll(u"--no-playlist"_s);
    QStringList rest = direct;
    const qsizetype at = rest.indexOf(u"--playlist-items"_s);
    rest.remove(at, 7);
    QCOMPARE(rest, byUrl);
}

void TestYtDlpArguments::theInfoFileOfADirectRunIsWhereYtDlpWritesIt_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("plain");
    QTest::newRow("a cache folder") << u"/home/user/.cache/Gravity/gravity-downloader/info/a.run.info.json"_s
                                    << true;
    QTest::newRow("spaces, Chinese and a percent sign")
        << u"/home/张 三/.cache/100% sure/a.run.info.json"_s << true;
    QTest::newRow("a colon is a '#' with --windows-filenames") << u"/srv/a:b/a.run.info.json"_s << false;
    QTest::newRow("so is a question mark") << u"/srv/why?/a.run.info.json"_s << false;
    QTest::newRow("a folder ending in a dot") << u"/srv/dots./a.run.info.json"_s << false;
    QTest::newRow("a folder ending in a space") << u"/srv/space /a.run.info.json"_s << false;
    QTest::newRow("a dollar is an environment variable") << u"/srv/$HOME/a.run.info.json"_s << false;
    QTest::newRow("a relative path lands in the download folder") << u"info/a.run.info.json"_s << false;
    QTest::newRow("a path yt-dlp would normalise") << u"/srv/a/../b/a.run.info.json"_s << false;
}

void TestYtDlpArguments::theInfoFileOfADirectRunIsWhereYtDlpWritesIt()
{
    QFETCH(QString, path);
    QTEST(isPlainOutputPath(path), "plain");
}

void TestYtDlpArguments::recordsGravityReads_data()
{
    QTest::addColumn<QStringList>("run");

    QTest::newRow("one progress record a line") << QStringList{u"--newline"_s};
    QTest::newRow("progress stays on although --print is used") << QStringList{u"--progress"_s};
    QTest::newRow("--print does not turn the download into a dry run") << QStringList{u"--no-simulate"_s};
    QTest::newRow("no colour codes in what Gravity parses") << QStringList{u"--no-colors"_s};
    // Only the progress: each info field on every line cost yt-dlp 20 µs; the streams come once, below.
    QTest::newRow("download progress as JSON behind the download prefix") << QStringList{
        u"--progress-template"_s, prefixed("download:", RecordPrefix::Download) + uR"({"p":%(progress)j})"_s};
    QTest::newRow("postprocessing as JSON behind its own prefix") << QStringList{
        u"--progress-template"_s, prefixed("postprocess:", RecordPrefix::PostProcess) + u"%(progress)j"_s};
    QTest::newRow("the chosen formats and what each stream is, once the video is resolved") << QStringList{
        u"--print"_s, prefixed("video:", RecordPrefix::Formats) +
                          uR"({"format_id":%(format_id)j,"vcodec":%(vcodec)j,"acodec":%(acodec)j,)"
                          uR"("streams":%(requested_formats.:.{format_id,vcodec,acodec})j})"_s};
    QTest::newRow("the final file, after every postprocessor and the move")
        << QStringList{u"--print"_s, u"after_move:@@gravity-file@@ %(filepath)s"_s};
    QTest::newRow("file names that are valid on Windows too") << QStringList{u"--windows-filenames"_s};
    QTest::newRow("a file's time is when it was downloaded") << QStringList{u"--no-mtime"_s};
    QTest::newRow("one video per call, even from a playlist link") << QStringList{u"--no-playlist"_s};
}

void TestYtDlpArguments::recordsGravityReads()
{
    QFETCH(QStringList, run);
    const QStringList arguments = downloadArguments(requestFor(watchUrl), {}, {});
    QVERIFY2(containsRun(arguments, run), qPrintable(arguments.join(u' ')));
}

void TestYtDlpArguments::whereFilesGo_data()
{
    QTest::addColumn<QString>("outputDir");
    QTest::addColumn<QString>("outputTemplate");
    QTest::addColumn<QString>("expectedTemplate");

    QTest::newRow("no template: the safe default, title cut short and the id")
        << u"/home/user/Videos"_s << QString() << u"%(title).200B [%(id)s].%(ext)s"_s;
    QTest::newRow("a custom template is passed as given")
        << u"/home/user/Videos"_s << u"%(uploader)s/%(upload_date)s - %(title)s.%(ext)s"_s
        << u"%(uploader)s/%(upload_date)s - %(title)s.%(ext)s"_s;
    QTest::newRow("a folder with spaces and Chinese is one argument")
        << u"/home/user/我的 视频"_s << QString() << defaultOutputTemplate();
    QTest::newRow("a folder named like an option is only a value")
        << u"--exec=x"_s << QString() << defaultOutputTemplate();
    QTest::newRow("a Windows folder keeps its backslashes")
        << uR"(C:\Users\user\Videos)"_s << QString() << defaultOutputTemplate();
    QTest::newRow("an absolute template is replaced by the default")
        << u"/home/user/Videos"_s << u"/etc/%(title)s"_s << defaultOutputTemplate();
    QTest::newRow("a template climbing out of the folder is replaced by the default")
        << u"/home/user/Videos"_s << u"../../%(title)s.%(ext)s"_s << defaultOutputTemplate();
}

void TestYtDlpArguments::whereFilesGo()
{
    QFETCH(QString, outputDir);
    QFETCH(QString, outputTemplate);
    DownloadOptions options;
    options.outputDir = outputDir;
    options.outputTemplate = outputTemplate;
    const QStringList arguments = downloadArguments(requestFor(watchUrl, options), {}, {});
    QCOMPARE(valueOf(arguments, u"-P"_s), outputDir);
    QTEST(valueOf(arguments, u"-o"_s), "expectedTemplate");
    QCOMPARE(arguments.count(u"-o"_s), 1);
    QCOMPARE(arguments.count(u"-P"_s), 1);
}

void TestYtDlpArguments::formatAndConversion_data()
{
    QTest::addColumn<DownloadOptions>("options");
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QList<QStringList>>("present");
    QTest::addColumn<QStringList>("absent");

    const QStringList noConversion{u"-x"_s, u"--audio-format"_s, u"--merge-output-format"_s,
                                   u"--remux-video"_s, u"-S"_s};
    for (QualityPreset preset :
         {QualityPreset::Best, QualityPreset::P2160, QualityPreset::P1440, QualityPreset::P1080,
          QualityPreset::P720, QualityPreset::P480, QualityPreset::P360}) {
        const QByteArray name =
            "preset " + qualityPresetId(preset).toLatin1() + ": its selector, no conversion";
        QTest::newRow(name.constData())
            << optionsFor(preset) << formatSelector(preset) << QList<QStringList>() << noConversion;
    }
    QTest::newRow("preset audio, original format: extracted, not converted")
        << optionsFor(QualityPreset::AudioOnly) << formatSelector(QualityPreset::AudioOnly)
        << QList<QStringList>{{u"-x"_s}} << QStringList{u"--audio-format"_s, u"--merge-output-format"_s};
    QTest::newRow("audio to mp3: extracted and converted to mp3")
        << optionsFor(QualityPreset::AudioOnly, AudioFormat::Mp3) << u"bestaudio/best"_s
        << QList<QStringList>{{u"-x"_s, u"--audio-format"_s, u"mp3"_s}, {u"--audio-quality"_s, u"0"_s}}
        << QStringList{u"--merge-output-format"_s};
    QTest::newRow("audio to m4a: an m4a source is preferred, so nothing is re-encoded")
        << optionsFor(QualityPreset::AudioOnly, AudioFormat::M4a) << u"bestaudio[ext=m4a]/bestaudio/best"_s
        << QList<QStringList>{{u"-x"_s, u"--audio-format"_s, u"m4a"_s}} << QStringList{u"--remux-video"_s};
    QTest::newRow("audio to opus: an opus source is preferred")
        << optionsFor(QualityPreset::AudioOnly, AudioFormat::Opus)
        << u"bestaudio[acodec=opus]/bestaudio/best"_s
        << QList<QStringList>{{u"-x"_s, u"--audio-format"_s, u"opus"_s}} << QStringList{u"--remux-video"_s};
    QTest::newRow("audio ignores the video container")
        << optionsFor(QualityPreset::AudioOnly, AudioFormat::Mp3, Container::Mp4) << u"bestaudio/best"_s
        << QList<QStringList>{{u"-x"_s}} << QStringList{u"--merge-output-format"_s, u"--remux-video"_s};
    QTest::newRow("1080 in mp4: merged and remuxed into mp4 from streams mp4 takes")
        << optionsFor(QualityPreset::P1080, AudioFormat::None, Container::Mp4)
        << formatSelector(QualityPreset::P1080)
        << QList<QStringList>{{u"--merge-output-format"_s, u"mp4"_s, u"--remux-video"_s, u"mp4"_s},
                              {u"-S"_s, u"ext:mp4:m4a"_s}}
        << QStringList{u"-x"_s};
    QTest::newRow("best in mkv: merged and remuxed into mkv, any streams")
        << optionsFor(QualityPreset::Best, AudioFormat::None, Container::Mkv)
        << formatSelector(QualityPreset::Best)
        << QList<QStringList>{{u"--merge-output-format"_s, u"mkv"_s, u"--remux-video"_s, u"mkv"_s}}
        << QStringList{u"-S"_s, u"-x"_s};
    QTest::newRow("720 in webm: merged and remuxed into webm from webm streams")
        << optionsFor(QualityPreset::P720, AudioFormat::None, Container::Webm)
        << formatSelector(QualityPreset::P720)
        << QList<QStringList>{{u"--merge-output-format"_s, u"webm"_s, u"--remux-video"_s, u"webm"_s},
                              {u"-S"_s, u"ext:webm:webm"_s}}
        << QStringList{u"-x"_s};
    QTest::newRow("a picked format is passed verbatim")
        << optionsFor(QualityPreset::P1080, AudioFormat::None, Container::Auto, u"137+140"_s) << u"137+140"_s
        << QList<QStringList>() << noConversion;
    QTest::newRow("a picked Bilibili format with a group id is passed verbatim")
        << optionsFor(QualityPreset::Best, AudioFormat::None, Container::Auto, u"75-1+group_aud-audio_2"_s)
        << u"75-1+group_aud-audio_2"_s << QList<QStringList>() << noConversion;
    QTest::newRow("a picked format wins over audio-only, and nothing is extracted")
        << optionsFor(QualityPreset::AudioOnly, AudioFormat::Mp3, Container::Auto, u"251"_s) << u"251"_s
        << QList<QStringList>() << noConversion;
}

void TestYtDlpArguments::formatAndConversion()
{
    QFETCH(DownloadOptions, options);
    QFETCH(QString, selector);
    QFETCH(QList<QStringList>, present);
    QFETCH(QStringList, absent);

    const QStringList arguments = downloadArguments(requestFor(watchUrl, options), {}, {});
    const QString joined = arguments.join(u' ');
    QCOMPARE(valueOf(arguments, u"-f"_s), selector);
    QCOMPARE(selectorFor(options), selector);
    QCOMPARE(arguments.count(u"-f"_s), 1);
    if (options.formatSpec.isEmpty()) // every preset falls back to whatever can be fetched
        QVERIFY2(selector.endsWith(u"bestvideo+bestaudio/best") || selector.endsWith(u"/best"),
                 qPrintable(selector));
    for (const QStringList &run : present)
        QVERIFY2(containsRun(arguments, run), qPrintable(run.join(u' ') + u" missing from: "_s + joined));
    for (const QString &argument : absent)
        QVERIFY2(!arguments.contains(argument), qPrintable(argument + u" found in: "_s + joined));
}

void TestYtDlpArguments::subtitles_data()
{
    QTest::addColumn<QualityPreset>("quality");
    QTest::addColumn<SubtitleMode>("mode");
    QTest::addColumn<QStringList>("languages");
    QTest::addColumn<bool>("autoCaptions");
    QTest::addColumn<QStringList>("expected"); // the subtitle options, in order; empty: none at all

    const QStringList none;
    QTest::newRow("no subtitles asked: no subtitle options")
        << QualityPreset::Best << SubtitleMode::None << QStringList{u"en"_s} << false << none;
    QTest::newRow("English embedded")
        << QualityPreset::Best << SubtitleMode::Embed << QStringList{u"en"_s} << false
        << QStringList{u"--write-subs"_s, u"--sub-langs"_s, u"en"_s, u"--embed-subs"_s};
    QTest::newRow("two languages as separate files, duplicates once")
        << QualityPreset::P720 << SubtitleMode::File << QStringList{u"en"_s, u"zh-Hans"_s, u"en"_s} << false
        << QStringList{u"--write-subs"_s, u"--sub-langs"_s, u"en,zh-Hans"_s};
    QTest::newRow("automatic captions only when asked")
        << QualityPreset::Best << SubtitleMode::File << QStringList{u"ja"_s} << true
        << QStringList{u"--write-subs"_s, u"--write-auto-subs"_s, u"--sub-langs"_s, u"ja"_s};
    QTest::newRow("a mode without languages asks for nothing")
        << QualityPreset::Best << SubtitleMode::Embed << QStringList() << false << none;
    QTest::newRow("audio only takes no subtitles")
        << QualityPreset::AudioOnly << SubtitleMode::Embed << QStringList{u"en"_s} << false << none;
    QTest::newRow("a page's regex-looking or option-looking language keys are dropped")
        << QualityPreset::Best << SubtitleMode::File
        << QStringList{u".*"_s, u"en,all"_s, u"--exec"_s, u"de"_s, u""_s} << false
        << QStringList{u"--write-subs"_s, u"--sub-langs"_s, u"de"_s};
}

void TestYtDlpArguments::subtitles()
{
    QFETCH(QualityPreset, quality);
    QFETCH(SubtitleMode, mode);
    QFETCH(QStringList, languages);
    QFETCH(bool, autoCaptions);
    QFETCH(QStringList, expected);

    DownloadOptions options = optionsFor(quality);
    options.subtitleMode = mode;
    options.subtitleLanguages = languages;
    options.autoCaptions = autoCaptions;
    const QStringList arguments = downloadArguments(requestFor(watchUrl, options), {}, {});
    const QStringList subtitleOptions{u"--write-subs"_s, u"--write-auto-subs"_s, u"--sub-langs"_s,
                                      u"--embed-subs"_s};
    if (expected.isEmpty()) {
        for (const QString &option : subtitleOptions)
            QVERIFY2(!arguments.contains(option), qPrintable(option));
        return;
    }
    QVERIFY2(containsRun(arguments, expected), qPrintable(arguments.join(u' ')));
    // The URL still comes last, after "--", whatever the languages were.
    QCOMPARE(arguments.mid(arguments.size() - 2), (QStringList{u"--"_s, watchUrl}));
}

void TestYtDlpArguments::ffmpegLocation_data()
{
    QTest::addColumn<QString>("ffmpegPath");

    QTest::newRow("no ffmpeg path: yt-dlp looks on PATH") << QString();
    QTest::newRow("a bundled ffmpeg is passed along") << u"/opt/gravity/bin/ffmpeg"_s;
    QTest::newRow("a Windows ffmpeg with spaces is one argument")
        << uR"(C:\Program Files\ffmpeg\ffmpeg.exe)"_s;
}

void TestYtDlpArguments::ffmpegLocation()
{
    QFETCH(QString, ffmpegPath);
    for (const QStringList &arguments : {downloadArguments(requestFor(watchUrl), {}, {}, ffmpegPath),
                                         probeArguments(watchUrl, {}, ffmpegPath)}) {
        QCOMPARE(arguments.constFirst(), u"--ignore-config"_s);
        QCOMPARE(arguments.contains(u"--ffmpeg-location"_s), !ffmpegPath.isEmpty());
        if (!ffmpegPath.isEmpty())
            QCOMPARE(valueOf(arguments, u"--ffmpeg-location"_s), ffmpegPath);
        QCOMPARE(arguments.constLast(), watchUrl);
    }
}

void TestYtDlpArguments::probe_data()
{
    QTest::addColumn<QString>("option");

    QTest::newRow("one JSON document for the page") << u"-J"_s;
    QTest::newRow("a playlist is listed, not visited entry by entry") << u"--flat-playlist"_s;
    QTest::newRow("warnings do not mix into the JSON") << u"--no-warnings"_s;
    QTest::newRow("no colour codes") << u"--no-colors"_s;
}

void TestYtDlpArguments::probe()
{
    QFETCH(QString, option);
    const QStringList arguments = probeArguments(watchUrl, {});
    QCOMPARE(arguments.constFirst(), u"--ignore-config"_s);
    QVERIFY(arguments.indexOf(option) > 0);
    QVERIFY(arguments.indexOf(option) < arguments.indexOf(u"--"_s));
    QCOMPARE(arguments.mid(arguments.size() - 2), (QStringList{u"--"_s, watchUrl}));
    // A probe downloads nothing and prints no records.
    QVERIFY(!arguments.contains(u"--print"_s));
    QVERIFY(!arguments.contains(u"--no-simulate"_s));
}

void TestYtDlpArguments::networkOptions_data()
{
    QTest::addColumn<NetworkConfig>("network");
    QTest::addColumn<QList<QStringList>>("present");
    QTest::addColumn<QStringList>("absent");

    const NetworkConfig defaults;
    QTest::newRow("defaults: the system proxy, ten retries, nothing else")
        << defaults << QList<QStringList>{{u"--retries"_s, u"10"_s, u"--fragment-retries"_s, u"10"_s}}
        << QStringList{u"--proxy"_s, u"--limit-rate"_s, u"--cookies"_s, u"--cookies-from-browser"_s, u"-N"_s};

    NetworkConfig direct;
    direct.proxyMode = ProxyMode::None;
    direct.proxyUrl = u"http://ignored:3128"_s;
    QTest::newRow("no proxy: an empty --proxy of its own, whatever the environment says")
        << direct << QList<QStringList>{{u"--proxy"_s, QString()}} << QStringList{u"http://ignored:3128"_s};

    NetworkConfig manual;
    manual.proxyMode = ProxyMode::Manual;
    manual.proxyUrl = u"socks5://me:p%40ss@127.0.0.1:1080"_s;
    QTest::newRow("a manual proxy with a login is one value")
        << manual << QList<QStringList>{{u"--proxy"_s, u"socks5://me:p%40ss@127.0.0.1:1080"_s}}
        << QStringList();

    NetworkConfig manualWithoutUrl;
    manualWithoutUrl.proxyMode = ProxyMode::Manual;
    QTest::newRow("a manual proxy without a URL leaves yt-dlp's default")
        << manualWithoutUrl << QList<QStringList>() << QStringList{u"--proxy"_s};

    NetworkConfig limited;
    limited.rateLimitBytesPerSec = 512 * 1024;
    QTest::newRow("a rate limit in bytes per second")
        << limited << QList<QStringList>{{u"--limit-rate"_s, u"524288"_s}} << QStringList();

    NetworkConfig cookieFile;
    cookieFile.cookieSource = CookieSource::File;
    cookieFile.cookiesFile = u"/home/user/my cookies.txt"_s;
    cookieFile.cookiesBrowser = u"firefox"_s;
    QTest::newRow("a cookies file, and not the browser set aside")
        << cookieFile << QList<QStringList>{{u"--cookies"_s, u"/home/user/my cookies.txt"_s}}
        << QStringList{u"--cookies-from-browser"_s};

    NetworkConfig optionLikeFile = cookieFile;
    optionLikeFile.cookiesFile = u"--exec=touch x"_s;
    QTest::newRow("a cookies file named like an option is only a value")
        << optionLikeFile << QList<QStringList>{{u"--cookies"_s, u"--exec=touch x"_s}} << QStringList();

    NetworkConfig browser;
    browser.cookieSource = CookieSource::Browser;
    browser.cookiesBrowser = u"firefox:work"_s;
    browser.cookiesFile = u"/home/user/cookies.txt"_s;
    QTest::newRow("cookies from a browser profile, and not the file set aside")
        << browser << QList<QStringList>{{u"--cookies-from-browser"_s, u"firefox:work"_s}}
        << QStringList{u"--cookies"_s};

    NetworkConfig unknownBrowser = browser;
    unknownBrowser.cookiesBrowser = u"netscape"_s;
    QTest::newRow("a browser yt-dlp does not know is left out")
        << unknownBrowser << QList<QStringList>() << QStringList{u"--cookies-from-browser"_s, u"--cookies"_s};

    NetworkConfig cookiesOff = cookieFile;
    cookiesOff.cookieSource = CookieSource::None;
    QTest::newRow("cookies off: nothing, though a file is remembered")
        << cookiesOff << QList<QStringList>() << QStringList{u"--cookies"_s, u"--cookies-from-browser"_s};

    NetworkConfig retries;
    retries.retries = 3;
    retries.concurrentFragments = 4;
    QTest::newRow("three retries, four fragments at once")
        << retries
        << QList<QStringList>{{u"--retries"_s, u"3"_s, u"--fragment-retries"_s, u"3"_s}, {u"-N"_s, u"4"_s}}
        << QStringList();
}

void TestYtDlpArguments::networkOptions()
{
    QFETCH(NetworkConfig, network);
    QFETCH(QList<QStringList>, present);
    QFETCH(QStringList, absent);

    // A probe and a download reach the network the same way.
    for (const QStringList &arguments :
         {probeArguments(watchUrl, network), downloadArguments(requestFor(watchUrl), {}, network),
          downloadArguments(requestFor(watchUrl), u"/tmp/info.json"_s, network)}) {
        const QString joined = arguments.join(u' ');
        QCOMPARE(arguments.constFirst(), u"--ignore-config"_s);
        for (const QStringList &run : present)
            QVERIFY2(containsRun(arguments, run), qPrintable(run.join(u' ') + u" missing from: "_s + joined));
        for (const QString &argument : absent)
            QVERIFY2(!arguments.contains(argument), qPrintable(argument + u" found in: "_s + joined));
        QVERIFY(arguments.count(u"--proxy"_s) <= 1);
        if (arguments.contains(u"--"_s))
            QCOMPARE(arguments.mid(arguments.size() - 2), (QStringList{u"--"_s, watchUrl}));
    }
}

void TestYtDlpArguments::namesFromAPageAreMadeSafe_data()
{
    QTest::addColumn<QString>("outputTemplate");
    QTest::addColumn<QString>("fields"); // empty: no --replace-in-metadata

    QTest::newRow("the default: the title begins the file name") << QString() << u"title"_s;
    QTest::newRow("a fixed folder: only the title") << u"videos/%(title)s.%(ext)s"_s << u"title"_s;
    QTest::newRow("a folder per uploader") << u"%(uploader)s/%(title)s.%(ext)s"_s << u"uploader,title"_s;
    QTest::newRow("every field of a folder, each once; only the first of the file name")
        << u"%(uploader,channel)s/%(channel)s %(playlist_title)s/%(id)s - %(title)s.%(ext)s"_s
        << u"uploader,channel,playlist_title,id"_s;
    QTest::newRow("a file name that begins with text needs nothing")
        << u"video %(title)s.%(ext)s"_s << QString();
    QTest::newRow("numbers need nothing")
        << u"%(playlist_index)03d/%(playlist_index)d - %(title)s.%(ext)s"_s << QString();
}

void TestYtDlpArguments::namesFromAPageAreMadeSafe()
{
    QFETCH(QString, outputTemplate);
    QFETCH(QString, fields);
    DownloadOptions options;
    options.outputTemplate = outputTemplate;
    const QStringList arguments = downloadArguments(requestFor(watchUrl, options), {}, {});
    if (fields.isEmpty()) {
        QVERIFY(!arguments.contains(u"--replace-in-metadata"_s));
        return;
    }
    // A leading dot gets a "_" (no "..", no hidden files); so does a Windows device name.
    QVERIFY2(
        containsRun(arguments, {u"--replace-in-metadata"_s, fields, uR"(^[\s\x00-\x1f\x7f]*\.)"_s, u"_."_s}),
        qPrintable(arguments.join(u' ')));
    QVERIFY2(
        containsRun(arguments, {u"--replace-in-metadata"_s, fields,
                                uR"((?i)^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(?=[.\s]|$))"_s, uR"(\1_)"_s}),
        qPrintable(arguments.join(u' ')));
    QCOMPARE(arguments.mid(arguments.size() - 2), (QStringList{u"--"_s, watchUrl}));
}

QTEST_GUILESS_MAIN(TestYtDlpArguments)
#include "tst_ytdlparguments.moc"
