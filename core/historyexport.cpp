#include "historyexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace Gravity {

namespace {

QString csvCell(QString text)
{
    if (!text.isEmpty()) {
        const QChar first = text.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' ||
            first == u'\r')
            text.prepend(u'\'');
    }
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r')) {
        text.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        text = u'"' + text + u'"';
    }
    return text;
}

QString booleanCell(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

QString timeCell(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

QByteArray historyToJson(const QList<HistoryEntry> &entries)
{
    QJsonArray array;
    for (const HistoryEntry &entry : entries)
        array.append(historyEntryToJson(entry));
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QByteArray historyToCsv(const QList<HistoryEntry> &entries)
{
    // Machine ids rather than translated words: a spreadsheet filter on "failed" works in every language.
    static const QStringList header{
        QStringLiteral("id"),
        QStringLiteral("finished_at"),
        QStringLiteral("started_at"),
        QStringLiteral("state"),
        QStringLiteral("title"),
        QStringLiteral("uploader"),
        QStringLiteral("url"),
        QStringLiteral("normalized_url"),
        QStringLiteral("platform"),
        QStringLiteral("duration"),
        QStringLiteral("thumbnail"),
        QStringLiteral("quality"),
        QStringLiteral("format_spec"),
        QStringLiteral("container"),
        QStringLiteral("audio_format"),
        QStringLiteral("subtitle_mode"),
        QStringLiteral("subtitle_languages"),
        QStringLiteral("auto_captions"),
        QStringLiteral("output_dir"),
        QStringLiteral("output_template"),
        QStringLiteral("subtitle_format"),
        QStringLiteral("sponsorblock"),
        QStringLiteral("sponsorblock_categories"),
        QStringLiteral("embed_thumbnail"),
        QStringLiteral("embed_metadata"),
        QStringLiteral("embed_chapters"),
        QStringLiteral("section_start"),
        QStringLiteral("section_end"),
        QStringLiteral("resolved_format"),
        QStringLiteral("file_path"),
        QStringLiteral("file_size"),
        QStringLiteral("error_kind"),
        QStringLiteral("error_detail"),
    };
    QString text;
    text.reserve(entries.size() * 400);
    text += header.join(u',') + QStringLiteral("\r\n");
    for (const HistoryEntry &e : entries) {
        const DownloadOptions &o = e.options;
        const QStringList cells{
            e.id,
            timeCell(e.finishedAt),
            timeCell(e.startedAt),
            downloadStateId(e.state),
            e.title,
            e.uploader,
            e.url,
            e.normalizedUrl,
            platformId(e.platform),
            e.duration > 0.0 ? QString::number(e.duration) : QString(),
            e.thumbnail,
            qualityPresetId(o.quality),
            o.formatSpec,
            containerId(o.container),
            audioFormatId(o.audioFormat),
            subtitleModeId(o.subtitleMode),
            o.subtitleLanguages.join(u' '),
            booleanCell(o.autoCaptions),
            o.outputDir,
            o.outputTemplate,
            subtitleFormatId(o.subtitleFormat),
            sponsorBlockModeId(o.sponsorBlock),
            o.sponsorBlockCategories.join(u' '),
            booleanCell(o.embedThumbnail),
            booleanCell(o.embedMetadata),
            booleanCell(o.embedChapters),
            o.section.start > 0 ? QString::number(o.section.start) : QString(),
            o.section.end > 0 ? QString::number(o.section.end) : QString(),
            e.resolvedFormat,
            e.filePath,
            e.fileSize >= 0 ? QString::number(e.fileSize) : QString(),
            errorKindId(e.error.kind),
            e.error.detail,
        };
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i > 0)
                text += u',';
            text += csvCell(cells.at(i));
        }
        text += QStringLiteral("\r\n");
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

bool writeHistoryExport(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit())
        return true;
    if (error)
        *error = file.errorString();
    return false;
}

} // namespace Gravity
