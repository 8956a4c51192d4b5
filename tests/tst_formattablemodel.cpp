// The "Advanced" formats table over real captured yt-dlp output: the model and its filter proxy, then the
// dialog driven the way a user drives it (clicks, Space, Enter), never through a modal exec().

#include "formatsdialog.h"
#include "formattablemodel.h"
#include "infojsonparser.h"
#include "testhelpers.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <limits>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;
using Kind = FormatFilterProxyModel::Kind;

namespace {

QList<MediaFormat> formatsOf(const QString &file)
{
    QFile json(testDataPath(u"info/"_s + file));
    if (!json.open(QIODevice::ReadOnly))
        return {};
    const InfoParseResult result = parseInfoJson(json.readAll());
    return result.info ? result.info->formats : QList<MediaFormat>();
}

int rowOfId(const QAbstractItemModel &model, const QString &id)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(FormatTableModel::FormatIdRole).toString() == id)
            return row;
    }
    return -1;
}

QStringList idsInOrder(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(FormatTableModel::FormatIdRole).toString();
    return ids;
}

QString cell(const QAbstractItemModel &model, const QString &id, int column, int role = Qt::DisplayRole)
{
    return model.index(rowOfId(model, id), column).data(role).toString();
}

} // namespace

class TestFormatTableModel : public QObject
{
    Q_OBJECT

private:
    QList<MediaFormat> m_youtube;
    QList<MediaFormat> m_bilibili;

    struct Dialog
    {
        FormatsDialog dialog;
        QTableView *table = nullptr;
        QPushButton *ok = nullptr;
    };

    // A shown dialog over the YouTube formats, with its table and OK button found the way a user finds them.
    bool open(Dialog &d)
    {
        d.dialog.setFormats(m_youtube);
        d.dialog.show();
        d.table = d.dialog.findChild<QTableView *>(u"formatsTable"_s);
        auto *box = d.dialog.findChild<QDialogButtonBox *>();
        d.ok = box ? box->button(QDialogButtonBox::Ok) : nullptr;
        return d.table && d.ok && QTest::qWaitForWindowExposed(&d.dialog);
    }

    static void click(QTableView *table, const QString &id)
    {
        const QModelIndex index = table->model()->index(rowOfId(*table->model(), id), 0);
        QVERIFY2(index.isValid(), qPrintable(id));
        table->scrollTo(index);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
    }

    static void press(QTableView *table, const QString &id, Qt::Key key)
    {
        const QModelIndex index = table->model()->index(rowOfId(*table->model(), id), 0);
        QVERIFY2(index.isValid(), qPrintable(id));
        table->setFocus();
        table->setCurrentIndex(index);
        QTest::keyClick(table, key);
    }

    static QStringList selectedIds(QTableView *table)
    {
        QStringList ids;
        const QModelIndexList rows = table->selectionModel()->selectedRows();
        for (const QModelIndex &index : rows)
            ids << index.data(FormatTableModel::FormatIdRole).toString();
        ids.sort();
        return ids;
    }

private slots:
    void initTestCase()
    {
        // Display text follows the user's locale; the expectations below are written in US English.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_youtube = formatsOf(u"youtube-video.json"_s);
        m_bilibili = formatsOf(u"bilibili-video.json"_s);
        QCOMPARE(m_youtube.size(), 14);
        QCOMPARE(m_bilibili.size(), 13);
    }

    void everyFormatIsARow()
    {
        FormatTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setFormats(m_youtube);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), m_youtube.size());
        QCOMPARE(model.columnCount(), int(FormatTableModel::ColumnCount));
        for (int column = 0; column < model.columnCount(); ++column)
            QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
        QCOMPARE(model.format(rowOfId(model, u"137"_s)).height, 1080);
        QCOMPARE(model.rowOf(u"140"), rowOfId(model, u"140"_s));
        QCOMPARE(model.rowOf(u"nope"), -1);
        QCOMPARE(model.format(999).formatId, QString());

        model.setFormats(m_bilibili);
        QCOMPARE(model.rowCount(), m_bilibili.size());
        model.setFormats({});
        QCOMPARE(model.rowCount(), 0);
    }

    void cellsReadForPeople_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        using M = FormatTableModel;
        QTest::newRow("a video-only format says so") << u"137"_s << int(M::TypeColumn) << u"Video only"_s;
        QTest::newRow("an audio-only format says so") << u"140"_s << int(M::TypeColumn) << u"Audio only"_s;
        QTest::newRow("a format with both says so") << u"18"_s << int(M::TypeColumn) << u"Video+audio"_s;
        QTest::newRow("resolution is width×height") << u"137"_s << int(M::ResolutionColumn) << u"1920×1080"_s;
        QTest::newRow("audio has no resolution") << u"140"_s << int(M::ResolutionColumn) << QString();
        QTest::newRow("whole frame rates stay whole") << u"313"_s << int(M::FpsColumn) << u"60"_s;
        QTest::newRow("a codec of none is left blank") << u"137"_s << int(M::AudioCodecColumn) << QString();
        QTest::newRow("codecs are shown as yt-dlp names them")
            << u"137"_s << int(M::VideoCodecColumn) << u"avc1.640028"_s;
        QTest::newRow("bitrate in whole kbit/s") << u"137"_s << int(M::BitrateColumn) << u"2,661 kbit/s"_s;
        QTest::newRow("an exact size") << u"137"_s << int(M::SizeColumn) << u"211.3 MB"_s;
        QTest::newRow("an estimated size has a tilde") << u"313"_s << int(M::SizeColumn) << u"~1.4 GB"_s;
        QTest::newRow("the note is yt-dlp's") << u"313"_s << int(M::NoteColumn) << u"2160p60"_s;
        QTest::newRow("the id is the format_id") << u"251"_s << int(M::IdColumn) << u"251"_s;
        QTest::newRow("the extension") << u"251"_s << int(M::ExtColumn) << u"webm"_s;
    }

    void cellsReadForPeople()
    {
        QFETCH(QString, id);
        QFETCH(int, column);
        QFETCH(QString, text);
        FormatTableModel model;
        model.setFormats(m_youtube);
        QCOMPARE(cell(model, id, column), text);
    }

    void oddFramesRatesAndTooltips()
    {
        FormatTableModel model;
        model.setFormats(m_bilibili);
        QCOMPARE(cell(model, u"30016"_s, FormatTableModel::FpsColumn), u"29.41"_s);
        QCOMPARE(cell(model, u"30080"_s, FormatTableModel::NoteColumn), u"1080P 高清"_s);
        // Elided text shows whole in the tooltip; a size's tooltip says what kind of size it is.
        QCOMPARE(cell(model, u"30077"_s, FormatTableModel::VideoCodecColumn, Qt::ToolTipRole),
                 u"hev1.1.6.L150.90"_s);
        model.setFormats(m_youtube);
        QVERIFY(cell(model, u"313"_s, FormatTableModel::SizeColumn, Qt::ToolTipRole).contains(u"estimate"));
        QVERIFY(!cell(model, u"137"_s, FormatTableModel::SizeColumn, Qt::ToolTipRole).contains(u"estimate"));
    }

    void filterKinds_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<int>("rows");
        // YouTube: 3 audio, 9 video-only, 1 combined (18), and a storyboard that no filter shows.
        QTest::newRow("YouTube, all but the storyboard") << u"youtube-video.json"_s << Kind::All << 13;
        QTest::newRow("YouTube, video only") << u"youtube-video.json"_s << Kind::Video << 9;
        QTest::newRow("YouTube, audio only") << u"youtube-video.json"_s << Kind::Audio << 3;
        QTest::newRow("YouTube, video and audio together") << u"youtube-video.json"_s << Kind::Combined << 1;
        // Bilibili serves DASH only: video and audio always apart.
        QTest::newRow("Bilibili, all") << u"bilibili-video.json"_s << Kind::All << 13;
        QTest::newRow("Bilibili, video only") << u"bilibili-video.json"_s << Kind::Video << 10;
        QTest::newRow("Bilibili, audio only") << u"bilibili-video.json"_s << Kind::Audio << 3;
        QTest::newRow("Bilibili, nothing combined") << u"bilibili-video.json"_s << Kind::Combined << 0;
    }

    void filterKinds()
    {
        QFETCH(QString, file);
        QFETCH(Kind, kind);
        QFETCH(int, rows);
        FormatTableModel model;
        FormatFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFormats(formatsOf(file));
        proxy.setKind(kind);
        QCOMPARE(proxy.kind(), kind);
        QCOMPARE(proxy.rowCount(), rows);
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const auto rowKind = FormatKind(proxy.index(row, 0).data(FormatTableModel::KindRole).toInt());
            QVERIFY(rowKind != FormatKind::Neither);
            if (kind == Kind::Video)
                QCOMPARE(rowKind, FormatKind::VideoOnly);
            else if (kind == Kind::Audio)
                QCOMPARE(rowKind, FormatKind::AudioOnly);
            else if (kind == Kind::Combined)
                QCOMPARE(rowKind, FormatKind::Combined);
        }
        QVERIFY(rowOfId(proxy, u"sb0"_s) < 0);
        proxy.setKind(Kind::All);
        const QList<MediaFormat> &formats = model.formats();
        QCOMPARE(proxy.rowCount(),
                 int(std::count_if(formats.cbegin(), formats.cend(), [](const MediaFormat &f) {
                     return formatKind(f) != FormatKind::Neither;
                 })));
    }

    void sortsByNumbersNotText()
    {
        FormatTableModel model;
        FormatFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFormats(m_youtube);

        // As text "~1.4 GB" < "~326.0 MB" < "~716.9 MB", and "211.3 MB" before all of them.
        proxy.sort(FormatTableModel::SizeColumn, Qt::DescendingOrder);
        QCOMPARE(idsInOrder(proxy).mid(0, 4), (QStringList{u"313"_s, u"271"_s, u"248"_s, u"137"_s}));
        qint64 previous = std::numeric_limits<qint64>::max();
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const qint64 size =
                proxy.index(row, FormatTableModel::SizeColumn).data(FormatTableModel::SortRole).toLongLong();
            QVERIFY(size <= previous);
            previous = size;
        }

        // As text "854×480" would beat "3840×2160".
        proxy.setKind(Kind::Video);
        proxy.sort(FormatTableModel::ResolutionColumn, Qt::DescendingOrder);
        QCOMPARE(idsInOrder(proxy).first(), u"313"_s);
        QCOMPARE(idsInOrder(proxy).last(), u"160"_s);
        proxy.sort(FormatTableModel::ResolutionColumn, Qt::AscendingOrder);
        int height = 0;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const int h =
                proxy.index(row, FormatTableModel::ResolutionColumn).data(FormatTableModel::SortRole).toInt();
            QVERIFY(h >= height);
            height = h;
        }

        // Ids in natural order: 133 < 134 < … < 313, not "133" < "1080"-style text order.
        proxy.sort(FormatTableModel::IdColumn, Qt::AscendingOrder);
        QCOMPARE(idsInOrder(proxy), (QStringList{u"133"_s, u"134"_s, u"135"_s, u"136"_s, u"137"_s, u"160"_s,
                                                 u"248"_s, u"271"_s, u"313"_s}));
        proxy.setKind(Kind::Audio);
        QCOMPARE(idsInOrder(proxy), (QStringList{u"139"_s, u"140"_s, u"251"_s}));
    }

    void nothingChosenMeansNoOk()
    {
        Dialog d;
        QVERIFY(open(d));
        QCOMPARE(d.dialog.formatSpec(), QString());
        QVERIFY(!d.ok->isEnabled());
        QVERIFY(!d.dialog.findChild<QLabel *>(u"formatSpec"_s)->text().isEmpty());
    }

    void videoThenAudioGivesAMerge()
    {
        Dialog d;
        QVERIFY(open(d));
        QSignalSpy changed(&d.dialog, &FormatsDialog::formatSpecChanged);
        click(d.table, u"137"_s);
        QCOMPARE(d.dialog.formatSpec(), u"137"_s);
        QVERIFY(d.ok->isEnabled()); // allowed, with a word about the missing sound
        QVERIFY(d.dialog.findChild<QLabel *>(u"formatSpec"_s)->text().contains(u"no sound"));

        // Filter to audio, pick 140 with the keyboard: the video choice survives the filter.
        QTest::mouseClick(d.dialog.findChild<QPushButton *>(u"filterAudio"_s), Qt::LeftButton);
        QCOMPARE(d.table->model()->rowCount(), 3);
        press(d.table, u"140"_s, Qt::Key_Space);
        QCOMPARE(d.dialog.formatSpec(), u"137+140"_s);
        QCOMPARE(d.dialog.chosenVideoId(), u"137"_s);
        QCOMPARE(d.dialog.chosenAudioId(), u"140"_s);
        QVERIFY(d.ok->isEnabled());
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed.last().at(0).toString(), u"137+140"_s);

        // Another audio replaces the first; both chosen rows show selected once all are listed again.
        press(d.table, u"251"_s, Qt::Key_Space);
        QCOMPARE(d.dialog.formatSpec(), u"137+251"_s);
        QTest::mouseClick(d.dialog.findChild<QPushButton *>(u"filterAll"_s), Qt::LeftButton);
        QCOMPARE(selectedIds(d.table), (QStringList{u"137"_s, u"251"_s}));
    }

    void aCombinedRowAloneGivesItsId()
    {
        Dialog d;
        QVERIFY(open(d));
        click(d.table, u"18"_s);
        QCOMPARE(d.dialog.formatSpec(), u"18"_s);
        QVERIFY(d.ok->isEnabled());
        QCOMPARE(selectedIds(d.table), QStringList{u"18"_s});
        // Another video replaces it; choosing the chosen row again unchooses it.
        click(d.table, u"137"_s);
        QCOMPARE(d.dialog.formatSpec(), u"137"_s);
        click(d.table, u"137"_s);
        QCOMPARE(d.dialog.formatSpec(), QString());
        QVERIFY(!d.ok->isEnabled());
        QVERIFY(selectedIds(d.table).isEmpty());
        // An audio format alone is a choice too.
        click(d.table, u"140"_s);
        QCOMPARE(d.dialog.formatSpec(), u"140"_s);
        QVERIFY(d.ok->isEnabled());
    }

    void enterChoosesWithoutClosing()
    {
        Dialog d;
        QVERIFY(open(d));
        press(d.table, u"18"_s, Qt::Key_Return);
        QCOMPARE(d.dialog.formatSpec(), u"18"_s);
        QVERIFY(d.dialog.isVisible());
        QCOMPARE(d.dialog.result(), int(QDialog::Rejected));
        // The storyboard is not listed, and rows with nothing to choose do nothing.
        QVERIFY(rowOfId(*d.table->model(), u"sb0"_s) < 0);
        QTest::mouseClick(d.ok, Qt::LeftButton);
        QCOMPARE(d.dialog.result(), int(QDialog::Accepted));
        QVERIFY(!d.dialog.isVisible());
    }

    void setFormatSpecPreselects_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QStringList>("selected");
        QTest::newRow("video plus audio") << u"137+140"_s << u"137+140"_s << QStringList{u"137"_s, u"140"_s};
        QTest::newRow("audio named first still lands as audio")
            << u"140+137"_s << u"137+140"_s << QStringList{u"137"_s, u"140"_s};
        QTest::newRow("a combined format") << u"18"_s << u"18"_s << QStringList{u"18"_s};
        QTest::newRow("an audio format alone") << u"251"_s << u"251"_s << QStringList{u"251"_s};
        QTest::newRow("an unknown id clears") << u"999"_s << QString() << QStringList();
        QTest::newRow("a selector with fallbacks clears") << u"bv*+ba/b"_s << QString() << QStringList();
        QTest::newRow("two videos clear") << u"137+136"_s << QString() << QStringList();
        QTest::newRow("the storyboard is not a choice") << u"sb0"_s << QString() << QStringList();
    }

    void setFormatSpecPreselects()
    {
        QFETCH(QString, spec);
        QFETCH(QString, expected);
        QFETCH(QStringList, selected);
        Dialog d;
        QVERIFY(open(d));
        d.dialog.setFormatSpec(u"136"_s); // something to be replaced
        d.dialog.setFormatSpec(spec);
        QCOMPARE(d.dialog.formatSpec(), expected);
        QCOMPARE(selectedIds(d.table), selected);
        QCOMPARE(d.ok->isEnabled(), !expected.isEmpty());
    }

    void newFormatsKeepWhatIsStillListed()
    {
        Dialog d;
        QVERIFY(open(d));
        d.dialog.setFormatSpec(u"137+140"_s);
        QList<MediaFormat> fewer = m_youtube;
        fewer.removeIf([](const MediaFormat &f) { return f.formatId == u"140"; });
        d.dialog.setFormats(fewer);
        QCOMPARE(d.dialog.formatSpec(), u"137"_s);
        d.dialog.setFormats(m_bilibili);
        QCOMPARE(d.dialog.formatSpec(), QString());
        QVERIFY(!d.ok->isEnabled());
    }

    void everyControlHasAnAccessibleName()
    {
        Dialog d;
        QVERIFY(open(d));
        const QList<QWidget *> widgets = d.dialog.findChildren<QWidget *>();
        int focusable = 0;
        for (QWidget *widget : widgets) {
            if (!widget->isVisibleTo(&d.dialog) || !(widget->focusPolicy() & Qt::TabFocus))
                continue;
            ++focusable;
            QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
        }
        QCOMPARE(focusable, 7); // four filters, the table, OK and Cancel
        QVERIFY(!d.dialog.findChild<QLabel *>(u"formatSpec"_s)->accessibleName().isEmpty());

        // The filters are one tab stop (the checked one); Tab then goes to the table (not into its cells),
        // then to the dialog's buttons in the platform's order (OK first on Windows, last on Linux), and
        // round.
        d.dialog.setFormatSpec(u"18"_s); // OK is enabled, so it takes focus too
        d.dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&d.dialog));
        auto *all = d.dialog.findChild<QPushButton *>(u"filterAll"_s);
        all->setFocus(Qt::TabFocusReason);
        QTest::keyClick(all, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), d.table);
        auto *box = d.dialog.findChild<QDialogButtonBox *>();
        QTest::keyClick(d.table, Qt::Key_Tab);
        QWidget *first = QApplication::focusWidget();
        QTest::keyClick(first, Qt::Key_Tab);
        QWidget *second = QApplication::focusWidget();
        const QSet<QWidget *> buttons{box->button(QDialogButtonBox::Ok),
                                      box->button(QDialogButtonBox::Cancel)};
        QCOMPARE((QSet<QWidget *>{first, second}), buttons);
        QTest::keyClick(second, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), all);

        // Arrow keys move along the filters and apply them, as in a segmented control.
        QTest::keyClick(all, Qt::Key_Right);
        auto *video = d.dialog.findChild<QPushButton *>(u"filterVideo"_s);
        QCOMPARE(QApplication::focusWidget(), video);
        QVERIFY(video->isChecked());
        QCOMPARE(d.table->model()->rowCount(), 9);
    }
};

QTEST_MAIN(TestFormatTableModel)
#include "tst_formattablemodel.moc"
