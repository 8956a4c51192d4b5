// Build-time helper: renders the app's SVG icon into what each platform wants, with Qt's own SVG renderer
// (no ImageMagick or librsvg needed on any build machine):
//   OUT/hicolor/NxN/apps/NAME.png   each freedesktop icon theme size N given
//   OUT/NAME.ico                     Windows: PNG-compressed entries (read by Windows Vista and later)
//   OUT/NAME.icns                    macOS: the PNG-based types iconutil itself writes
//
//   gravity-appicons SVG NAME OUT SIZE...

#include <QBuffer>
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QList>
#include <QPainter>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QtEndian>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

[[nodiscard]] QByteArray renderPng(QSvgRenderer &renderer, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    renderer.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.convertToFormat(QImage::Format_ARGB32).save(&buffer, "PNG");
    return png;
}

[[nodiscard]] bool writeFile(const QString &path, const QByteArray &data)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
}

void appendLe16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void appendLe32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void appendBe32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

// ICONDIR, one ICONDIRENTRY per image, then the PNG data; a size of 256 is written as 0.
[[nodiscard]] QByteArray makeIco(QSvgRenderer &renderer, const QList<int> &sizes)
{
    QList<QByteArray> images;
    for (const int size : sizes)
        images.append(renderPng(renderer, size));
    QByteArray ico;
    appendLe16(ico, 0); // reserved
    appendLe16(ico, 1); // type: icon
    appendLe16(ico, quint16(sizes.size()));
    quint32 offset = 6 + 16 * quint32(sizes.size());
    for (qsizetype i = 0; i < sizes.size(); ++i) {
        const char dimension = char(sizes.at(i) >= 256 ? 0 : sizes.at(i));
        ico.append(dimension).append(dimension);
        ico.append('\0').append('\0'); // no palette, reserved
        appendLe16(ico, 1);            // colour planes
        appendLe16(ico, 32);           // bits per pixel
        appendLe32(ico, quint32(images.at(i).size()));
        appendLe32(ico, offset);
        offset += quint32(images.at(i).size());
    }
    for (const QByteArray &image : images)
        ico.append(image);
    return ico;
}

// "icns" and the total length, then (type, length including its 8-byte header, PNG) for each size.
[[nodiscard]] QByteArray makeIcns(QSvgRenderer &renderer)
{
    struct Type
    {
        const char *code;
        int size;
    };
    static constexpr Type types[] = {{"icp4", 16},  {"icp5", 32},  {"icp6", 64},   {"ic07", 128},
                                     {"ic08", 256}, {"ic09", 512}, {"ic10", 1024}, {"ic11", 32},
                                     {"ic12", 64},  {"ic13", 256}, {"ic14", 512}};
    QByteArray body;
    for (const Type &type : types) {
        const QByteArray png = renderPng(renderer, type.size);
        body.append(type.code, 4);
        appendBe32(body, quint32(png.size() + 8));
        body.append(png);
    }
    QByteArray icns("icns");
    appendBe32(icns, quint32(body.size() + 8));
    return icns + body;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 5) {
        std::fprintf(stderr, "usage: %s SVG NAME OUT_DIR SIZE...\n", argv[0]);
        return 2;
    }
    const QString svg = QFile::decodeName(argv[1]);
    const QString name = QFile::decodeName(argv[2]);
    const QDir out(QFile::decodeName(argv[3]));
    QSvgRenderer renderer(svg);
    if (!renderer.isValid()) {
        std::fprintf(stderr, "%s: cannot read %s\n", argv[0], argv[1]);
        return 1;
    }
    bool ok = true;
    for (int i = 4; i < argc; ++i) {
        const int size = std::atoi(argv[i]);
        if (size <= 0 || size > 1024) {
            std::fprintf(stderr, "%s: not an icon size: %s\n", argv[0], argv[i]);
            return 2;
        }
        const QString path = out.filePath(u"hicolor/%1x%1/apps/"_s.arg(size) + name + u".png"_s);
        ok = writeFile(path, renderPng(renderer, size)) && ok;
    }
    ok = writeFile(out.filePath(name + u".ico"_s), makeIco(renderer, {16, 24, 32, 48, 64, 128, 256})) && ok;
    ok = writeFile(out.filePath(name + u".icns"_s), makeIcns(renderer)) && ok;
    if (!ok)
        std::fprintf(stderr, "%s: cannot write into %s\n", argv[0], argv[3]);
    return ok ? 0 : 1;
}
