#include "outputtemplate.h"

#include "ytdlparguments.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringList>

#include <cmath>

namespace Gravity {

namespace {

// yt-dlp's placeholder for a field the info does not have (--output-na-placeholder).
const QString NotAvailable = QStringLiteral("NA");

// Stands in for yt-dlp's "\0" marker of a substituted character; the input can hold no NUL (control
// characters are dropped first).
constexpr QChar Marker = QChar(0);

bool isReservedDeviceName(const QString &stem)
{
    static const QStringList names{
        QStringLiteral("CON"),  QStringLiteral("PRN"),  QStringLiteral("AUX"),  QStringLiteral("NUL"),
        QStringLiteral("COM1"), QStringLiteral("COM2"), QStringLiteral("COM3"), QStringLiteral("COM4"),
        QStringLiteral("COM5"), QStringLiteral("COM6"), QStringLiteral("COM7"), QStringLiteral("COM8"),
        QStringLiteral("COM9"), QStringLiteral("LPT1"), QStringLiteral("LPT2"), QStringLiteral("LPT3"),
        QStringLiteral("LPT4"), QStringLiteral("LPT5"), QStringLiteral("LPT6"), QStringLiteral("LPT7"),
        QStringLiteral("LPT8"), QStringLiteral("LPT9")};
    return names.contains(stem.trimmed().toUpper());
}

bool isSeparator(QChar c)
{
    return c == u'/' || c == u'\\';
}

// A value as Python's str() would print it into a template.
std::optional<QString> textOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (std::isfinite(number) && number == std::floor(number) && std::abs(number) < 1e15)
            return QString::number(qint64(number));
        return QString::number(number, 'g', 17);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return std::nullopt;
}

// "formats.0.height": objects by key, arrays by index.
QJsonValue traverse(const QJsonObject &info, const QString &path)
{
    QJsonValue value = info;
    for (const QString &key : path.split(u'.', Qt::SkipEmptyParts)) {
        if (value.isObject()) {
            value = value.toObject().value(key);
        } else if (value.isArray()) {
            bool ok = false;
            const int index = key.toInt(&ok);
            const QJsonArray array = value.toArray();
            value = ok && index >= 0 && index < array.size() ? array.at(index) : QJsonValue();
        } else {
            return {};
        }
    }
    return value;
}

// Python's "%<flags><width>s" on a string (precision already applied).
QString padded(const QString &text, const QString &flags, int width)
{
    if (width <= 0 || text.size() >= width)
        return text;
    return flags.contains(u'-') ? text.leftJustified(width) : text.rightJustified(width);
}

// Python's "%<flags><width>d" on a number.
QString formattedInteger(double number, const QString &flags, int width)
{
    const qint64 value = qint64(number); // %d truncates towards zero
    const QString digits = QString::number(value < 0 ? -value : value);
    const QString sign = value < 0              ? QStringLiteral("-")
                         : flags.contains(u'+') ? QStringLiteral("+")
                         : flags.contains(u' ') ? QStringLiteral(" ")
                                                : QString();
    if (flags.contains(u'0') && !flags.contains(u'-'))
        return sign + digits.rightJustified(qMax(0, width - int(sign.size())), u'0');
    const QString text = sign + digits;
    return flags.contains(u'-') ? text.leftJustified(width) : text.rightJustified(width);
}

// %(upload_date>%Y-%m-%d)s on yt-dlp's "YYYYMMDD".
QString formattedDate(const QString &yyyymmdd, QString format)
{
    if (yyyymmdd.size() != 8)
        return yyyymmdd;
    format.replace(QLatin1String("%Y"), yyyymmdd.left(4));
    format.replace(QLatin1String("%y"), yyyymmdd.mid(2, 2));
    format.replace(QLatin1String("%m"), yyyymmdd.mid(4, 2));
    format.replace(QLatin1String("%d"), yyyymmdd.mid(6, 2));
    return format;
}

int digitCount(qint64 number)
{
    return int(QString::number(qAbs(number)).size());
}

// One %(key)fmt, as YoutubeDL.prepare_outtmpl renders it.
QString renderField(const QJsonObject &info, const QString &key, const QString &flags, int width,
                    int precision, QChar type)
{
    // key: fields[>strftime][,alternative…][&replacement][|default]
    QString rest = key;
    QString defaultValue = NotAvailable;
    if (const qsizetype bar = rest.indexOf(u'|'); bar >= 0) {
        defaultValue = rest.mid(bar + 1);
        rest.truncate(bar);
    }
    std::optional<QString> replacement;
    if (const qsizetype amp = rest.indexOf(u'&'); amp >= 0) {
        replacement = rest.mid(amp + 1);
        rest.truncate(amp);
    }
    std::optional<QString> value;
    QString firstField;
    for (QString alternative : rest.split(u',')) {
        QString dateFormat;
        if (const qsizetype gt = alternative.indexOf(u'>'); gt >= 0) {
            dateFormat = alternative.mid(gt + 1);
            alternative.truncate(gt);
        }
        if (firstField.isNull())
            firstField = alternative;
        value = textOf(traverse(info, alternative));
        if (value && !dateFormat.isEmpty())
            value = formattedDate(*value, dateFormat);
        if (value)
            break;
    }
    if (value && replacement)
        value = *replacement;

    const bool plainString = type == u's' && flags.isEmpty() && width <= 0 && precision < 0;
    if (value && plainString && firstField == u"playlist_index") {
        // yt-dlp pads a bare %(playlist_index)s to the width of the playlist's last index.
        const qint64 count = info.value(QLatin1String("n_entries"))
                                 .toInteger(info.value(QLatin1String("playlist_count")).toInteger(0));
        bool ok = false;
        const double number = value->toDouble(&ok);
        if (ok)
            return formattedInteger(number, QStringLiteral("0"), digitCount(count));
    }

    const QString text = value.value_or(defaultValue);
    switch (type.unicode()) {
    case u'd':
    case u'i':
    case u'u': {
        bool ok = false;
        const double number = text.toDouble(&ok);
        if (!ok || !std::isfinite(number))
            return OutputTemplate::sanitizeField(defaultValue);
        return formattedInteger(number, flags, width);
    }
    case u'f': {
        bool ok = false;
        const double number = text.toDouble(&ok);
        if (!ok)
            return OutputTemplate::sanitizeField(defaultValue);
        return padded(QString::number(number, 'f', precision < 0 ? 6 : precision), flags, width);
    }
    case u'B': {
        // Cut in UTF-8 bytes first, dropping a character split in half; then sanitised.
        QByteArray bytes = text.toUtf8();
        if (precision >= 0)
            bytes.truncate(precision);
        if (width > bytes.size())
            bytes = flags.contains(u'-') ? bytes.leftJustified(width) : bytes.rightJustified(width);
        QString cut = QString::fromUtf8(bytes);
        cut.remove(QChar::ReplacementCharacter);
        return OutputTemplate::sanitizeField(cut);
    }
    default: {
        QString sanitized = OutputTemplate::sanitizeField(text);
        if (precision >= 0) {
            // Python counts code points, not UTF-16 units: an emoji is one.
            qsizetype units = 0;
            for (int points = 0; units < sanitized.size() && points < precision; ++points)
                units += sanitized.at(units).isHighSurrogate() && units + 1 < sanitized.size() ? 2 : 1;
            sanitized.truncate(units);
        }
        return padded(sanitized, flags, width);
    }
    }
}

// A template as yt-dlp reads it: literal text ("%%" already unescaped) and %(key)fmt fields.
struct Token
{
    bool isField = false;
    QString text; // literal text
    QString key;  // field: what is inside %( )
    QString flags;
    int width = 0;
    int precision = -1;
    QChar type;
};

QList<Token> tokenize(const QString &pattern)
{
    static const QRegularExpression field(
        QStringLiteral(R"(\(([^)]*)\)([#0\-+ ]*)(\d*)(?:\.(\d+))?[hlL]?([diouxXeEfFgGcrsljhqBUDS]))"));
    QList<Token> tokens;
    const auto literal = [&tokens](QChar c) {
        if (tokens.isEmpty() || tokens.constLast().isField)
            tokens.append(Token{});
        tokens.last().text += c;
    };
    qsizetype i = 0;
    while (i < pattern.size()) {
        const QChar c = pattern.at(i);
        if (c != u'%') {
            literal(c);
            ++i;
            continue;
        }
        if (i + 1 < pattern.size() && pattern.at(i + 1) == u'%') {
            literal(u'%');
            i += 2;
            continue;
        }
        const QRegularExpressionMatch match = field.match(pattern, i + 1, QRegularExpression::NormalMatch,
                                                          QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch()) {
            literal(c);
            ++i;
            continue;
        }
        Token token;
        token.isField = true;
        token.key = match.captured(1);
        token.flags = match.captured(2);
        token.width = match.captured(3).isEmpty() ? 0 : match.captured(3).toInt();
        token.precision = match.captured(4).isEmpty() ? -1 : match.captured(4).toInt();
        token.type = match.captured(5).at(0);
        tokens.append(token);
        i = match.capturedEnd(0);
    }
    return tokens;
}

// The tokens split into path components at the separators of the literal text (a '/' inside a field's
// key, as in %(upload_date>%Y/%m)s, yields a sanitised value, not a folder).
QList<QList<Token>> components(const QList<Token> &tokens)
{
    QList<QList<Token>> parts(1);
    for (const Token &token : tokens) {
        if (token.isField) {
            parts.last().append(token);
            continue;
        }
        Token piece;
        for (const QChar c : token.text) {
            if (!isSeparator(c)) {
                piece.text += c;
                continue;
            }
            if (!piece.text.isEmpty())
                parts.last().append(piece);
            piece = Token{};
            parts.append(QList<Token>());
        }
        if (!piece.text.isEmpty())
            parts.last().append(piece);
    }
    return parts;
}

QString literalText(const QList<Token> &component)
{
    QString text;
    for (const Token &token : component) {
        if (!token.isField)
            text += token.text;
    }
    return text;
}

// "..", and what Windows reads as ".." once it drops trailing dots and spaces ("...", ".. ").
bool isDotsOnly(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.size() >= 2 && trimmed.count(u'.') == trimmed.size();
}

// The plain field names of a key ("uploader,channel|Unknown" → uploader, channel); empty when the key is
// anything else (traversal, maths, a replacement), which folders do not get.
QStringList plainFieldNames(const QString &key)
{
    static const QRegularExpression plain(QStringLiteral(R"(^\w+(?:>[^,&|]*)?$)"));
    const QString fields = key.section(u'|', 0, 0);
    if (fields.contains(u'&'))
        return {};
    QStringList names;
    for (const QString &alternative : fields.split(u',')) {
        if (!plain.match(alternative).hasMatch())
            return {};
        names << alternative.section(u'>', 0, 0);
    }
    return names;
}

// A device name Windows opens instead of a file ("CON", "nul.txt", "COM1 x"), at the start of a name.
const QString ReservedNameStart = QStringLiteral(R"((?i)^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(?=[.\s]|$))");

// What a protected field's value becomes, as --replace-in-metadata does it in yt-dlp.
QString withMetadataFixes(QString value)
{
    for (const OutputTemplate::MetadataFix &fix : OutputTemplate::metadataFixes()) {
        // Python's \s and case folding are Unicode-aware.
        const QRegularExpression expression(fix.pattern, QRegularExpression::UseUnicodePropertiesOption);
        value.replace(expression, fix.replacement);
    }
    return value;
}

QString render(const QString &pattern, const QJsonObject &info)
{
    QString out;
    for (const Token &token : tokenize(pattern)) {
        out += token.isField
                   ? renderField(info, token.key, token.flags, token.width, token.precision, token.type)
                   : token.text;
    }
    return out;
}

} // namespace

QList<OutputTemplate::Preset> OutputTemplate::presets()
{
    return {
        {QStringLiteral("title-id"), defaultOutputTemplate()},
        {QStringLiteral("title"), QStringLiteral("%(title).200B.%(ext)s")},
        {QStringLiteral("uploader-title"), QStringLiteral("%(uploader).80B/%(title).200B [%(id)s].%(ext)s")}};
}

QString OutputTemplate::presetName(const QString &id)
{
    if (id == u"title-id")
        return tr("Title [id]");
    if (id == u"title")
        return tr("Title");
    if (id == u"uploader-title")
        return tr("Uploader / Title [id]");
    return {};
}

QString OutputTemplate::presetIdFor(const QString &pattern)
{
    const QString effective = pattern.isEmpty() ? defaultOutputTemplate() : pattern;
    for (const Preset &preset : presets()) {
        if (preset.pattern == effective)
            return preset.id;
    }
    return {};
}

OutputTemplate::Problem OutputTemplate::validate(const QString &pattern)
{
    if (pattern.trimmed().isEmpty())
        return Problem::Empty;
    for (const QChar c : pattern) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return Problem::ControlCharacter;
    }
    if (isSeparator(pattern.at(0)))
        return Problem::Absolute;
    static const QRegularExpression driveLetter(QStringLiteral(R"(^[A-Za-z]:)"));
    if (driveLetter.match(pattern).hasMatch())
        return Problem::DriveLetter;
    // yt-dlp reads "TYPE[,TYPE…]:" in front of -o as the file kind the template is for (OUTTMPL_TYPES).
    static const QRegularExpression typePrefix(
        QStringLiteral(R"(^(?i)(?:default|chapter|subtitle|thumbnail|description|annotation|infojson|link|)"
                       R"(pl_video|pl_thumbnail|pl_description|pl_infojson)(?:,[\w-]+)*:)"));
    if (typePrefix.match(pattern).hasMatch())
        return Problem::TypePrefix;

    const QList<QList<Token>> parts = components(tokenize(pattern));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QList<Token> &part = parts.at(i);
        if (isDotsOnly(literalText(part)))
            return Problem::ParentDirectory;
        static const QRegularExpression reserved(ReservedNameStart);
        if (!part.isEmpty() && !part.constFirst().isField &&
            reserved.match(part.constFirst().text).hasMatch())
            return Problem::ReservedName;
        const bool isFolder = i + 1 < parts.size();
        if (!isFolder)
            return part.isEmpty() ? Problem::NoFileName : Problem::None;
        // A page's title or uploader must not be able to name "..": folders take plain fields only (whose
        // leading dots downloads neutralise), and defaults that are not dots.
        for (const Token &token : part) {
            if (!token.isField)
                continue;
            if (plainFieldNames(token.key).isEmpty())
                return Problem::UnsafeFolderField;
            if (token.key.contains(u'|') && isDotsOnly(token.key.section(u'|', 1)))
                return Problem::ParentDirectory;
        }
    }
    return Problem::None;
}

QList<OutputTemplate::MetadataFix> OutputTemplate::metadataFixes()
{
    // Python and PCRE read both patterns alike; the replacements use only \1.
    return {{QStringLiteral(R"(^[\s\x00-\x1f\x7f]*\.)"), QStringLiteral("_.")},
            {ReservedNameStart, QStringLiteral("\\1_")}};
}

QStringList OutputTemplate::protectedFields(const QString &pattern)
{
    if (!isValid(pattern))
        return {};
    QStringList names;
    const auto add = [&names](const Token &token) {
        // A number cannot be dots or a device name (and yt-dlp warns when told to edit one).
        if (!token.isField || QStringView(u"diouxXeEfFgG").contains(token.type))
            return;
        for (const QString &name : plainFieldNames(token.key)) {
            if (!names.contains(name))
                names << name;
        }
    };
    const QList<QList<Token>> parts = components(tokenize(pattern));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QList<Token> &part = parts.at(i);
        if (i + 1 < parts.size()) {
            for (const Token &token : part)
                add(token);
        } else if (!part.isEmpty()) {
            add(part.constFirst());
        }
    }
    return names;
}

QString OutputTemplate::problemText(Problem problem)
{
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::Empty:
        return tr("The file name template is empty.");
    case Problem::Absolute:
        return tr("The file name template must not start with a slash: files stay in the download folder.");
    case Problem::DriveLetter:
        return tr("The file name template must not name a drive: files stay in the download folder.");
    case Problem::ParentDirectory:
        return tr("The file name template must not contain \"..\": files stay in the download folder.");
    case Problem::ControlCharacter:
        return tr("The file name template contains a control character.");
    case Problem::NoFileName:
        return tr("The file name template ends with a folder separator: add a file name after it.");
    case Problem::ReservedName:
        return tr("The file name template starts a name with a device name Windows reserves (such as CON or "
                  "NUL).");
    case Problem::UnsafeFolderField:
        return tr("Folders in the file name template can only use plain fields such as %(uploader)s.");
    case Problem::TypePrefix:
        return tr("The file name template starts with a yt-dlp file type (such as \"subtitle:\"), which "
                  "Gravity does not support.");
    }
    return {};
}

QString OutputTemplate::sanitizeField(const QString &value)
{
    // yt_dlp.utils.sanitize_filename(value, restricted=False, is_id=NO_DEFAULT), step by step.
    if (value.isEmpty())
        return {};
    static const QRegularExpression timestamp(QStringLiteral(R"([0-9]+(?::[0-9]+)+)"));
    QString input = value;
    qsizetype from = 0;
    for (QRegularExpressionMatch match = timestamp.match(input, from); match.hasMatch();
         match = timestamp.match(input, from)) {
        input.replace(match.capturedStart(), match.capturedLength(), match.captured().replace(u':', u'_'));
        from = match.capturedEnd();
    }

    QString result;
    result.reserve(input.size());
    for (const QChar c : input) {
        if (c == u'\n') {
            result += Marker;
            result += u' ';
        } else if (c == u'/') {
            result += QChar(0x29F8); // ⧸ BIG SOLIDUS
        } else if (c == u'\\') {
            result += QChar(0x29F9); // ⧹ BIG REVERSE SOLIDUS
        } else if (QStringView(u"\"*:<>?|").contains(c)) {
            result += QChar(c.unicode() + 0xFEE0); // the full-width form
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            continue;
        } else {
            result += c;
        }
    }
    static const QRegularExpression repeated(QStringLiteral(R"((\x{0}.)(?:(?=\1)..)+)"));
    result.replace(repeated, QStringLiteral("\\1"));
    static const QRegularExpression edges(
        QStringLiteral(R"(^\x{0}.(?:\x{0}.|[ _-])*|(?:\x{0}.|[ _-])*\x{0}.$)"));
    result.replace(edges, QString());
    result.remove(Marker);
    // With is_id left at NO_DEFAULT (as yt-dlp calls it for file names) nothing more is stripped: a title
    // "..x" keeps its dots.
    return result.isEmpty() ? QStringLiteral("_") : result;
}

QString OutputTemplate::sanitizeComponent(const QString &component)
{
    // yt_dlp.utils.sanitize_path(force=True) on one part: a refused character or a trailing space or dot
    // becomes '#'.
    QString part = component;
    for (QChar &c : part) {
        if (QStringView(u"/<>:\"|\\?*").contains(c))
            c = u'#';
    }
    if (!part.isEmpty() && (part.back().isSpace() || part.back() == u'.'))
        part.back() = u'#';
    // Windows opens a device for "CON" or "nul.txt", whatever the extension.
    const qsizetype dot = part.indexOf(u'.');
    if (isReservedDeviceName(dot < 0 ? part : part.left(dot)))
        part.insert(dot < 0 ? part.size() : dot, u'_');
    return part;
}

QString OutputTemplate::previewFileName(const QString &pattern, const QJsonObject &info, const QString &ext)
{
    if (!isValid(pattern))
        return {};
    QJsonObject fields = info;
    if (!ext.isEmpty())
        fields.insert(QLatin1String("ext"), ext);
    // mediaInfoToJson writes dates as ISO; yt-dlp's info dicts as YYYYMMDD.
    const QString date = fields.value(QLatin1String("upload_date")).toString();
    if (date.size() == 10 && date.at(4) == u'-' && date.at(7) == u'-')
        fields.insert(QLatin1String("upload_date"), QString(date).remove(u'-'));

    for (const QString &name : protectedFields(pattern)) {
        const QJsonValue value = fields.value(name);
        if (value.isString())
            fields.insert(name, withMetadataFixes(value.toString()));
    }

    // The whole path goes through normpath and sanitize_path, as in YoutubeDL.prepare_filename.
    QStringList parts;
    const QString rendered = render(pattern, fields);
    static const QRegularExpression separators(QStringLiteral(R"([/\\])"));
    for (const QString &part : rendered.split(separators, Qt::SkipEmptyParts)) {
        if (part == u".")
            continue;
        // Neither a validated template nor a sanitised field can make "..": this only keeps the promise.
        parts << (part == u".." ? QStringLiteral("_") : sanitizeComponent(part));
    }
    return parts.isEmpty() ? QStringLiteral("_") : parts.join(u'/');
}

QString OutputTemplate::playlistTemplate(const QString &baseTemplate, const QString &playlistTitle, int index)
{
    QString base = isValid(baseTemplate) ? baseTemplate : defaultOutputTemplate();
    if (index > 0) {
        // The prefix goes on the file name, not on a folder the template may start with.
        qsizetype nameStart = 0;
        for (qsizetype i = 0; i < base.size(); ++i) {
            if (isSeparator(base.at(i)))
                nameStart = i + 1;
        }
        base.insert(nameStart, QString::number(index).rightJustified(3, u'0') + QStringLiteral(" - "));
    }
    if (playlistTitle.trimmed().isEmpty())
        return base;
    // At most 100 bytes of title (as yt-dlp's .100B would cut it), then made a safe single component.
    QByteArray bytes = playlistTitle.trimmed().toUtf8().left(100);
    QString title = QString::fromUtf8(bytes);
    title.remove(QChar::ReplacementCharacter);
    title = sanitizeComponent(sanitizeField(title));
    title.replace(u'%', QLatin1String("%%"));
    return title + u'/' + base;
}

} // namespace Gravity
