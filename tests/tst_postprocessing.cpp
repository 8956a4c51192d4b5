// SponsorBlock, embedding, the subtitle format and the time range: the values a user gives and the yt-dlp
// arguments they become.

#include "historyentry.h"
#include "historyexport.h"
#include "postprocessing.h"
#include "ytdlparguments.h"

#include <QJsonObject>
#include <QTest>

using namespace Gravity;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Gravity::DownloadOptions)
Q_DECLARE_METATYPE(Gravity::TimeRange)

namespace {

const QString watchUrl = u"https://www.youtube.com/watch?v=dQw4w9WgXcQ"_s;

QStringList argumentsFor(const DownloadOptions &options, const NetworkConfig &network = {})
{
    DownloadRequest request;
    request.url = watchUrl;
    request.options = options;
    request.options.outputDir = u"/home/user/Videos"_s;
    return downloadArguments(request, {}, network);
}

bool containsRun(const QStringList &arguments, const QStringList &run)
{
    for (qsizetype i = 0; i + run.size() <= arguments.size(); ++i) {
        if (arguments.mid(i, run.size()) == run)
            return true;
    }
    return false;
}

DownloadOptions video(Container container)
{
    DownloadOptions options;
    options.container = container;
    return options;
}

DownloadOptions audio(AudioFormat format)
{
    DownloadOptions options;
    options.quality = QualityPreset::AudioOnly;
    options.audioFormat = format;
    return options;
}

DownloadOptions sponsorBlock(SponsorBlockMode mode, const QStringList &categories)
{
    DownloadOptions options;
    options.sponsorBlock = mode;
    options.sponsorBlockCategories = categories;
    return options;
}

// Every option these features add; a row lists the ones it expects, the rest must be absent.
const QStringList featureOptions{u"--sponsorblock-mark"_s,      u"--sponsorblock-remove"_s,
                                 u"--sponsorblock-api"_s,       u"--embed-thumbnail"_s,
                                 u"--embed-metadata"_s,         u"--embed-chapters"_s,
                                 u"--no-embed-chapters"_s,      u"--sub-format"_s,
                                 u"--convert-subs"_s,           u"--download-sections"_s,
                                 u"--force-keyframes-at-cuts"_s};

} // namespace

class TestPostProcessing final : public QObject
{
    Q_OBJECT

private slots:
    void argumentsAreBuiltCorrectly_data();
    void argumentsAreBuiltCorrectly();
    void urlStaysLast();
    void timestamps_data();
    void timestamps();
    void timeRanges_data();
    void timeRanges();
    void timeRangeProblems_data();
    void timeRangeProblems();
    void sponsorBlockCategoriesFromText_data();
    void sponsorBlockCategoriesFromText();
    void idsRoundTrip();
    void historyKeepsTheOptionsForADownloadAgain();
    void anOlderHistoryEntryLoadsWithNoneOfThem();
    void aSpreadsheetExportHasAColumnForEach();
};

void TestPostProcessing::argumentsAreBuiltCorrectly_data()
{
    QTest::addColumn<DownloadOptions>("options");
    QTest::addColumn<QString>("api");
    QTest::addColumn<QList<QStringList>>("present"); // runs of arguments, in order within each run

    const QList<QStringList> nothing;
    QTest::newRow("nothing chosen: none of these options") << DownloadOptions() << QString() << nothing;

    QTest::newRow("SponsorBlock mark: the categories become chapters")
        << sponsorBlock(SponsorBlockMode::Mark, {u"sponsor"_s, u"intro"_s}) << QString()
        << QList<QStringList>{{u"--sponsorblock-mark"_s, u"sponsor,intro"_s}};
    QTest::newRow("SponsorBlock remove: cut out, re-encoded at the cuts")
        << sponsorBlock(SponsorBlockMode::Remove, {u"sponsor"_s, u"selfpromo"_s, u"music_offtopic"_s})
        << QString()
        << QList<QStringList>{{u"--sponsorblock-remove"_s, u"sponsor,selfpromo,music_offtopic"_s},
                              {u"--force-keyframes-at-cuts"_s}};
    QTest::newRow("SponsorBlock with its own server asks that server")
        << sponsorBlock(SponsorBlockMode::Mark, {u"outro"_s}) << u"http://127.0.0.1:8080"_s
        << QList<QStringList>{{u"--sponsorblock-mark"_s, u"outro"_s},
                              {u"--sponsorblock-api"_s, u"http://127.0.0.1:8080"_s}};
    QTest::newRow("SponsorBlock: unknown and repeated categories are dropped")
        << sponsorBlock(SponsorBlockMode::Remove,
                        {u"sponsor"_s, u"all"_s, u"--exec"_s, u"sponsor"_s, u"poi_highlight"_s})
        << QString()
        << QList<QStringList>{{u"--sponsorblock-remove"_s, u"sponsor"_s}, {u"--force-keyframes-at-cuts"_s}};
    QTest::newRow("SponsorBlock without a category does nothing")
        << sponsorBlock(SponsorBlockMode::Mark, {}) << u"http://127.0.0.1:8080"_s << nothing;
    QTest::newRow("SponsorBlock off ignores its categories")
        << sponsorBlock(SponsorBlockMode::Off, {u"sponsor"_s}) << QString() << nothing;

    DownloadOptions all = video(Container::Mp4);
    all.embedThumbnail = all.embedMetadata = all.embedChapters = true;
    QTest::newRow("mp4 takes a thumbnail, metadata and chapters")
        << all << QString()
        << QList<QStringList>{{u"--embed-thumbnail"_s, u"--embed-metadata"_s, u"--embed-chapters"_s}};
    all.container = Container::Mkv;
    QTest::newRow("mkv takes a thumbnail, metadata and chapters")
        << all << QString()
        << QList<QStringList>{{u"--embed-thumbnail"_s, u"--embed-metadata"_s, u"--embed-chapters"_s}};
    all.container = Container::Webm;
    QTest::newRow("webm takes no thumbnail (yt-dlp would fail), metadata and chapters yes")
        << all << QString() << QList<QStringList>{{u"--embed-metadata"_s, u"--embed-chapters"_s}};
    all.container = Container::Auto;
    QTest::newRow("an automatic container may end as webm: no thumbnail")
        << all << QString() << QList<QStringList>{{u"--embed-metadata"_s, u"--embed-chapters"_s}};
    all.formatSpec = u"137+140"_s;
    all.container = Container::Mp4;
    QTest::newRow("exact formats may end in any container: no thumbnail")
        << all << QString() << QList<QStringList>{{u"--embed-metadata"_s, u"--embed-chapters"_s}};

    for (AudioFormat format : {AudioFormat::Mp3, AudioFormat::M4a}) {
        DownloadOptions options = audio(format);
        options.embedThumbnail = options.embedMetadata = true;
        const QByteArray name = "audio to " + audioFormatId(format).toLatin1() + " takes a cover and tags";
        QTest::newRow(name.constData())
            << options << QString()
            << QList<QStringList>{{u"--embed-thumbnail"_s, u"--embed-metadata"_s, u"--no-embed-chapters"_s}};
    }
    for (AudioFormat format : {AudioFormat::Opus, AudioFormat::None}) {
        DownloadOptions options = audio(format);
        options.embedThumbnail = options.embedMetadata = true;
        const QByteArray name = "audio as " +
                                (format == AudioFormat::None ? QByteArray("the original") : "opus") +
                                ": tags, but no cover (it needs mutagen, which may be missing)";
        QTest::newRow(name.constData())
            << options << QString() << QList<QStringList>{{u"--embed-metadata"_s, u"--no-embed-chapters"_s}};
    }

    DownloadOptions metadataOnly = video(Container::Mp4);
    metadataOnly.embedMetadata = true;
    QTest::newRow("metadata alone keeps the chapters out, as asked")
        << metadataOnly << QString() << QList<QStringList>{{u"--embed-metadata"_s, u"--no-embed-chapters"_s}};
    metadataOnly.sponsorBlock = SponsorBlockMode::Mark;
    metadataOnly.sponsorBlockCategories = QStringList{u"sponsor"_s};
    QTest::newRow("metadata with marked segments keeps the chapters the segments are")
        << metadataOnly << QString()
        << QList<QStringList>{{u"--sponsorblock-mark"_s, u"sponsor"_s}, {u"--embed-metadata"_s}};

    for (SubtitleFormat format : {SubtitleFormat::Srt, SubtitleFormat::Vtt, SubtitleFormat::Ass}) {
        DownloadOptions options;
        options.subtitleMode = SubtitleMode::File;
        options.subtitleLanguages = QStringList{u"en"_s};
        options.subtitleFormat = format;
        const QString id = subtitleFormatId(format);
        const QByteArray name = "subtitle files in " + id.toLatin1() + ": picked if served, else converted";
        QTest::newRow(name.constData())
            << options << QString()
            << QList<QStringList>{{u"--sub-format"_s, id + u"/best"_s, u"--convert-subs"_s, id}};
    }
    DownloadOptions embedded;
    embedded.subtitleMode = SubtitleMode::Embed;
    embedded.subtitleLanguages = QStringList{u"en"_s};
    embedded.subtitleFormat = SubtitleFormat::Ass;
    embedded.container = Container::Mp4;
    QTest::newRow("subtitles embedded in mp4 take mp4's own format") << embedded << QString() << nothing;
    embedded.container = Container::Mkv;
    QTest::newRow("subtitles embedded in mkv keep the chosen format")
        << embedded << QString()
        << QList<QStringList>{{u"--sub-format"_s, u"ass/best"_s, u"--convert-subs"_s, u"ass"_s}};
    DownloadOptions noLanguages;
    noLanguages.subtitleMode = SubtitleMode::File;
    noLanguages.subtitleFormat = SubtitleFormat::Srt;
    QTest::newRow("a subtitle format without languages asks for nothing")
        << noLanguages << QString() << nothing;

    const auto section = [](double start, double end) {
        DownloadOptions options;
        options.section = TimeRange{start, end};
        return options;
    };
    QTest::newRow("a section: from start to end, cut exactly")
        << section(83, 150) << QString()
        << QList<QStringList>{{u"--download-sections"_s, u"*83-150"_s}, {u"--force-keyframes-at-cuts"_s}};
    QTest::newRow("a section with fractions keeps them")
        << section(1.5, 2.25) << QString()
        << QList<QStringList>{{u"--download-sections"_s, u"*1.5-2.25"_s}, {u"--force-keyframes-at-cuts"_s}};
    QTest::newRow("a section open at the end runs to the end")
        << section(100, 0) << QString()
        << QList<QStringList>{{u"--download-sections"_s, u"*100-inf"_s}, {u"--force-keyframes-at-cuts"_s}};
    QTest::newRow("a section open at the start starts at 0")
        << section(0, 30) << QString()
        << QList<QStringList>{{u"--download-sections"_s, u"*0-30"_s}, {u"--force-keyframes-at-cuts"_s}};

    DownloadOptions both = sponsorBlock(SponsorBlockMode::Remove, {u"sponsor"_s});
    both.section = TimeRange{10, 20};
    QTest::newRow("a section and removed segments re-encode at the cuts once")
        << both << QString()
        << QList<QStringList>{{u"--sponsorblock-remove"_s, u"sponsor"_s},
                              {u"--download-sections"_s, u"*10-20"_s},
                              {u"--force-keyframes-at-cuts"_s}};
}

void TestPostProcessing::argumentsAreBuiltCorrectly()
{
    QFETCH(DownloadOptions, options);
    QFETCH(QString, api);
    QFETCH(QList<QStringList>, present);

    NetworkConfig network;
    network.sponsorBlockApi = api;
    const QStringList arguments = argumentsFor(options, network);
    const QString joined = arguments.join(u' ');
    QStringList expected;
    for (const QStringList &run : present) {
        QVERIFY2(containsRun(arguments, run), qPrintable(run.join(u' ') + u" missing from: "_s + joined));
        for (const QString &argument : run) {
            if (featureOptions.contains(argument))
                expected << argument;
        }
    }
    for (const QString &option : featureOptions)
        QVERIFY2(arguments.count(option) == expected.count(option), qPrintable(option + u" in: "_s + joined));
}

void TestPostProcessing::urlStaysLast()
{
    DownloadOptions options = sponsorBlock(SponsorBlockMode::Remove, sponsorBlockCategories());
    options.embedMetadata = options.embedChapters = options.embedThumbnail = true;
    options.section = TimeRange{1, 2};
    const QStringList arguments = argumentsFor(options);
    QCOMPARE(arguments.mid(arguments.size() - 2), (QStringList{u"--"_s, watchUrl}));
}

void TestPostProcessing::timestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("seconds"); // -1: refused

    QTest::newRow("plain seconds") << u"83"_s << 83.0;
    QTest::newRow("seconds with a fraction") << u"83.5"_s << 83.5;
    QTest::newRow("minutes and seconds") << u"1:23"_s << 83.0;
    QTest::newRow("hours, minutes and seconds with zeros") << u"01:02:03"_s << 3723.0;
    QTest::newRow("spaces around are fine") << u" 2:00 "_s << 120.0;
    QTest::newRow("zero") << u"0"_s << 0.0;
    QTest::newRow("60 seconds in a clock time is refused") << u"1:60"_s << -1.0;
    QTest::newRow("four parts are refused") << u"1:02:03:04"_s << -1.0;
    QTest::newRow("an empty part is refused") << u"1::03"_s << -1.0;
    QTest::newRow("a negative time is refused") << u"-5"_s << -1.0;
    QTest::newRow("an exponent is refused") << u"1e3"_s << -1.0;
    QTest::newRow("words are refused") << u"inf"_s << -1.0;
    QTest::newRow("nothing is refused") << u""_s << -1.0;
    QTest::newRow("a fraction of minutes is refused") << u"1.5:00"_s << -1.0;
}

void TestPostProcessing::timestamps()
{
    QFETCH(QString, text);
    QFETCH(double, seconds);
    const std::optional<double> parsed = parseTimestamp(text);
    if (seconds < 0) {
        QVERIFY2(!parsed, qPrintable(QString::number(parsed.value_or(0))));
        return;
    }
    QVERIFY(parsed);
    QCOMPARE(*parsed, seconds);
    // What the window shows reads back as the same moment.
    QCOMPARE(parseTimestamp(formatTimestamp(seconds)), std::optional<double>(seconds));
}

void TestPostProcessing::timeRanges_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<TimeRange>("range");

    QTest::newRow("start and end") << u"1:00-2:30"_s << true << TimeRange{60, 150};
    QTest::newRow("open end") << u"1:00-"_s << true << TimeRange{60, 0};
    QTest::newRow("open start") << u"-90"_s << true << TimeRange{0, 90};
    QTest::newRow("no dash is refused") << u"1:00"_s << false << TimeRange{};
    QTest::newRow("two dashes are refused") << u"1-2-3"_s << false << TimeRange{};
    QTest::newRow("a side that is no time is refused") << u"a-3"_s << false << TimeRange{};
}

void TestPostProcessing::timeRanges()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(TimeRange, range);
    const std::optional<TimeRange> parsed = parseTimeRange(text);
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QVERIFY(*parsed == range);
}

void TestPostProcessing::timeRangeProblems_data()
{
    QTest::addColumn<TimeRange>("range");
    QTest::addColumn<double>("duration");
    QTest::addColumn<bool>("fine");

    QTest::newRow("the whole video") << TimeRange{} << 100.0 << true;
    QTest::newRow("inside the video") << TimeRange{10, 20} << 100.0 << true;
    QTest::newRow("to the very end") << TimeRange{10, 100} << 100.0 << true;
    QTest::newRow("any range when the length is unknown") << TimeRange{10, 5000} << 0.0 << true;
    QTest::newRow("end before start") << TimeRange{20, 10} << 100.0 << false;
    QTest::newRow("end equal to start") << TimeRange{20, 20} << 0.0 << false;
    QTest::newRow("start past the end") << TimeRange{120, 0} << 100.0 << false;
    QTest::newRow("end past the end") << TimeRange{10, 130} << 100.0 << false;
    QTest::newRow("a negative start") << TimeRange{-1, 10} << 100.0 << false;
}

void TestPostProcessing::timeRangeProblems()
{
    QFETCH(TimeRange, range);
    QFETCH(double, duration);
    QFETCH(bool, fine);
    const QString problem = timeRangeProblem(range, duration);
    QVERIFY2(problem.isEmpty() == fine, qPrintable(problem));
}

void TestPostProcessing::sponsorBlockCategoriesFromText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("categories"); // empty: refused

    QTest::newRow("one") << u"sponsor"_s << QStringList{u"sponsor"_s};
    QTest::newRow("several, any case, repeated once")
        << u"Sponsor,intro,sponsor,music_offtopic"_s
        << QStringList{u"sponsor"_s, u"intro"_s, u"music_offtopic"_s};
    QTest::newRow("an unknown name is refused") << u"sponsor,ads"_s << QStringList();
    QTest::newRow("nothing is refused") << u","_s << QStringList();
}

void TestPostProcessing::sponsorBlockCategoriesFromText()
{
    QFETCH(QString, text);
    QFETCH(QStringList, categories);
    const std::optional<QStringList> parsed = parseSponsorBlockCategories(text);
    QCOMPARE(parsed.value_or(QStringList()), categories);
}

void TestPostProcessing::idsRoundTrip()
{
    for (SponsorBlockMode mode : {SponsorBlockMode::Off, SponsorBlockMode::Mark, SponsorBlockMode::Remove})
        QCOMPARE(sponsorBlockModeFromId(sponsorBlockModeId(mode)), mode);
    for (SubtitleFormat format :
         {SubtitleFormat::Original, SubtitleFormat::Srt, SubtitleFormat::Vtt, SubtitleFormat::Ass})
        QCOMPARE(subtitleFormatFromId(subtitleFormatId(format)), format);
    QVERIFY(!sponsorBlockModeFromId(u"skip"));
    QVERIFY(!subtitleFormatFromId(u"lrc"));
    for (const QString &category : defaultSponsorBlockCategories())
        QVERIFY(isSponsorBlockCategory(category));
}

void TestPostProcessing::historyKeepsTheOptionsForADownloadAgain()
{
    HistoryEntry base;
    base.id = newHistoryId();
    base.url = watchUrl;
    // What a read adds by itself (a normalised URL, …) is taken from a first read without the options.
    HistoryEntry entry = historyEntryFromJson(historyEntryToJson(base)).value_or(base);
    entry.options.subtitleFormat = SubtitleFormat::Vtt;
    entry.options.sponsorBlock = SponsorBlockMode::Mark;
    entry.options.sponsorBlockCategories = QStringList{u"preview"_s, u"music_offtopic"_s};
    entry.options.embedThumbnail = true;
    entry.options.embedMetadata = true;
    entry.options.embedChapters = true;
    entry.options.section = TimeRange{1.5, 0};
    const std::optional<HistoryEntry> read = historyEntryFromJson(historyEntryToJson(entry));
    QVERIFY(read);
    QVERIFY(sameHistoryEntry(*read, entry));
    // "Download again" asks yt-dlp for the same thing.
    QCOMPARE(argumentsFor(requestFor(*read).options), argumentsFor(entry.options));

    HistoryEntry other = entry;
    other.options.section.end = 2;
    QVERIFY(!sameHistoryEntry(other, entry));
}

void TestPostProcessing::anOlderHistoryEntryLoadsWithNoneOfThem()
{
    // An entry as Gravity wrote it before these options existed, plus values of the wrong type.
    const QJsonObject object{{u"id"_s, newHistoryId()}, {u"url"_s, watchUrl},
                             {u"quality"_s, u"720"_s},  {u"section_start"_s, u"soon"_s},
                             {u"section_end"_s, -4},    {u"sponsorblock"_s, u"skip"_s}};
    const std::optional<HistoryEntry> read = historyEntryFromJson(object);
    QVERIFY(read);
    QCOMPARE(read->options.quality, QualityPreset::P720);
    QCOMPARE(read->options.sponsorBlock, SponsorBlockMode::Off);
    QCOMPARE(read->options.subtitleFormat, SubtitleFormat::Original);
    QVERIFY(read->options.sponsorBlockCategories.isEmpty());
    QVERIFY(!read->options.embedThumbnail && !read->options.embedMetadata && !read->options.embedChapters);
    QVERIFY(read->options.section.isWhole());
}

void TestPostProcessing::aSpreadsheetExportHasAColumnForEach()
{
    HistoryEntry entry;
    entry.id = newHistoryId();
    entry.url = watchUrl;
    entry.options.subtitleFormat = SubtitleFormat::Srt;
    entry.options.sponsorBlock = SponsorBlockMode::Remove;
    entry.options.sponsorBlockCategories = QStringList{u"sponsor"_s, u"intro"_s};
    entry.options.embedChapters = true;
    entry.options.section = TimeRange{83, 0};
    const QList<QByteArray> lines = historyToCsv({entry}).mid(3).split('\n');
    QCOMPARE(lines.size(), 3); // a header, a row, and nothing after the last line break
    const QList<QByteArray> header = lines.at(0).trimmed().split(',');
    const QList<QByteArray> row = lines.at(1).trimmed().split(',');
    QCOMPARE(row.size(), header.size());
    const auto cell = [&](const char *column) {
        return row.value(header.indexOf(column));
    };
    QCOMPARE(cell("subtitle_format"), "srt");
    QCOMPARE(cell("sponsorblock"), "remove");
    QCOMPARE(cell("sponsorblock_categories"), "sponsor intro");
    QCOMPARE(cell("embed_thumbnail"), "false");
    QCOMPARE(cell("embed_chapters"), "true");
    QCOMPARE(cell("section_start"), "83");
    QCOMPARE(cell("section_end"), "");
}

QTEST_GUILESS_MAIN(TestPostProcessing)
#include "tst_postprocessing.moc"
