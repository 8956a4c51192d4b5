#include "batchfile.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

namespace Gravity {

namespace {

struct BatchText
{
    Q_DECLARE_TR_FUNCTIONS(Gravity::BatchFile)
};

} // namespace

BatchFile readBatchFile(QIODevice *device)
{
    BatchFile result;
    // One byte more than the bound tells a file that is exactly MaxBytes from one that is longer.
    QByteArray data = device->read(BatchFile::MaxBytes + 1);
    if (data.size() > BatchFile::MaxBytes) {
        data.truncate(BatchFile::MaxBytes);
        data.truncate(data.lastIndexOf('\n') + 1); // never half a line
        result.truncated = true;
    }
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    const QList<QByteArray> lines = data.split('\n');
    int links = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString text = QString::fromUtf8(lines.at(i)).trimmed(); // also drops CR of CRLF
        if (text.isEmpty() || text.startsWith(QLatin1Char('#')) || text.startsWith(QLatin1Char(';')) ||
            text.startsWith(QLatin1Char(']')))
            continue;
        if (links == BatchFile::MaxLines) {
            result.truncated = true;
            break;
        }
        ++links;
        BatchFileLine line{int(i) + 1, recognizeUrl(text)};
        (line.url.isValid() ? result.accepted : result.rejected) << line;
    }
    return result;
}

BatchFile readBatchFile(const QString &path)
{
    QFile file;
    const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                   : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        BatchFile result;
        result.error =
            BatchText::tr("The file of links \"%1\" could not be read: %2").arg(path, file.errorString());
        return result;
    }
    return readBatchFile(&file);
}

QString batchRejectText(const BatchFileLine &line)
{
    // The input is cut: a line of garbage can be a megabyte long.
    const QString input =
        line.url.input.size() > 80 ? line.url.input.left(80) + QChar(0x2026) : line.url.input;
    return BatchText::tr("Line %1: \"%2\": %3").arg(line.line).arg(input, rejectionText(line.url.rejection));
}

} // namespace Gravity
