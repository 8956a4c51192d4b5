#include "downloadflags.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUrl>

namespace Gravity {

namespace {

struct DownloadFlagsText
{
    Q_DECLARE_TR_FUNCTIONS(Gravity::CommandLine)
};

const QString SubLangs = QStringLiteral("sub-langs");
const QString EmbedSubs = QStringLiteral("embed-subs");
const QString WriteAutoSubs = QStringLiteral("write-auto-subs");
const QString SubFormat = QStringLiteral("sub-format");
const QString SponsorBlockMark = QStringLiteral("sponsorblock-mark");
const QString SponsorBlockRemove = QStringLiteral("sponsorblock-remove");
const QString SponsorBlockApi = QStringLiteral("sponsorblock-api");
const QString EmbedThumbnail = QStringLiteral("embed-thumbnail");
const QString EmbedMetadata = QStringLiteral("embed-metadata");
const QString EmbedChapters = QStringLiteral("embed-chapters");
const QString DownloadSections = QStringLiteral("download-sections");

QString sponsorBlockCategoryProblem(const QString &value)
{
    return DownloadFlagsText::tr("\"%1\" is not a list of SponsorBlock categories: use %2.")
        .arg(value, sponsorBlockCategories().join(QStringLiteral(", ")));
}

} // namespace

QList<QCommandLineOption> downloadFlagOptions()
{
    const QString categories = sponsorBlockCategories().join(QStringLiteral(", "));
    return {
        QCommandLineOption(
            SubLangs, DownloadFlagsText::tr("Subtitle languages to save beside the video, e.g. en,zh-Hans."),
            DownloadFlagsText::tr("langs")),
        QCommandLineOption(EmbedSubs, DownloadFlagsText::tr("Embed the subtitles in the video instead.")),
        QCommandLineOption(WriteAutoSubs, DownloadFlagsText::tr("Also take the site's automatic captions.")),
        QCommandLineOption(SubFormat, DownloadFlagsText::tr("Subtitle file format: srt, vtt or ass."),
                           DownloadFlagsText::tr("format")),
        QCommandLineOption(
            SponsorBlockMark,
            DownloadFlagsText::tr("YouTube: mark these SponsorBlock segments as chapters (%1).")
                .arg(categories),
            DownloadFlagsText::tr("categories")),
        QCommandLineOption(
            SponsorBlockRemove,
            DownloadFlagsText::tr("YouTube: cut these SponsorBlock segments out (%1).").arg(categories),
            DownloadFlagsText::tr("categories")),
        QCommandLineOption(SponsorBlockApi,
                           DownloadFlagsText::tr("The SponsorBlock server to ask (default: yt-dlp's)."),
                           DownloadFlagsText::tr("url")),
        QCommandLineOption(EmbedThumbnail,
                           DownloadFlagsText::tr("Embed the thumbnail as cover art (mp4, mkv, mp3, m4a).")),
        QCommandLineOption(EmbedMetadata,
                           DownloadFlagsText::tr("Embed the title, uploader and other metadata.")),
        QCommandLineOption(EmbedChapters, DownloadFlagsText::tr("Embed the video's chapters.")),
        QCommandLineOption(DownloadSections,
                           DownloadFlagsText::tr("Download only START-END, e.g. 1:00-2:30, 90-, -45."),
                           DownloadFlagsText::tr("range")),
    };
}

QString applyDownloadFlags(const QCommandLineParser &parser, DownloadOptions &options, NetworkConfig &network)
{
    if (parser.isSet(SubLangs)) {
        options.subtitleMode = parser.isSet(EmbedSubs) ? SubtitleMode::Embed : SubtitleMode::File;
        options.subtitleLanguages = parser.value(SubLangs).split(u',', Qt::SkipEmptyParts);
        options.autoCaptions = parser.isSet(WriteAutoSubs);
    } else if (parser.isSet(EmbedSubs) || parser.isSet(WriteAutoSubs) || parser.isSet(SubFormat)) {
        return DownloadFlagsText::tr("Subtitle options need --sub-langs.");
    }
    if (parser.isSet(SubFormat)) {
        const std::optional<SubtitleFormat> format = subtitleFormatFromId(parser.value(SubFormat).toLower());
        if (!format || *format == SubtitleFormat::Original) {
            return DownloadFlagsText::tr("Unknown subtitle format \"%1\": use srt, vtt or ass.")
                .arg(parser.value(SubFormat));
        }
        options.subtitleFormat = *format;
    }

    if (parser.isSet(SponsorBlockMark) && parser.isSet(SponsorBlockRemove))
        return DownloadFlagsText::tr("Use --sponsorblock-mark or --sponsorblock-remove, not both.");
    for (const auto &[name, mode] : {std::pair{SponsorBlockMark, SponsorBlockMode::Mark},
                                     std::pair{SponsorBlockRemove, SponsorBlockMode::Remove}}) {
        if (!parser.isSet(name))
            continue;
        const std::optional<QStringList> categories = parseSponsorBlockCategories(parser.value(name));
        if (!categories)
            return sponsorBlockCategoryProblem(parser.value(name));
        options.sponsorBlock = mode;
        options.sponsorBlockCategories = *categories;
    }
    if (parser.isSet(SponsorBlockApi)) {
        const QUrl api(parser.value(SponsorBlockApi), QUrl::StrictMode);
        if (!api.isValid() || (api.scheme() != u"http" && api.scheme() != u"https") || api.host().isEmpty())
            return DownloadFlagsText::tr("\"%1\" is not an http(s) address.")
                .arg(parser.value(SponsorBlockApi));
        network.sponsorBlockApi = api.toString();
    }

    options.embedThumbnail = parser.isSet(EmbedThumbnail);
    options.embedMetadata = parser.isSet(EmbedMetadata);
    options.embedChapters = parser.isSet(EmbedChapters);

    if (parser.isSet(DownloadSections)) {
        const QString value = parser.value(DownloadSections);
        const std::optional<TimeRange> range = parseTimeRange(value);
        if (!range) {
            return DownloadFlagsText::tr("\"%1\" is not a time range: use START-END, e.g. 1:00-2:30.")
                .arg(value);
        }
        // The video's length is not known yet; yt-dlp stops at the end of a shorter one.
        if (const QString problem = timeRangeProblem(*range, 0); !problem.isEmpty())
            return problem;
        options.section = *range;
    }
    return {};
}

} // namespace Gravity
