// "More options" as a person uses it on real widgets: folded away until asked for, SponsorBlock only for
// YouTube, a time range typed as people write times, and every choice reaching the download's options.

#include "infojsonparser.h"
#include "moreoptionspanel.h"
#include "optionspanel.h"
#include "testhelpers.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace Gravity;
using namespace GravityTest;
using namespace Qt::StringLiterals;

namespace {

MediaInfo infoFrom(const QString &name)
{
    QFile file(testDataPath(u"info/"_s + name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return parseInfoJson(file.readAll()).info.value_or(MediaInfo{});
}

QComboBox *comboNamed(const QWidget *parent, const QString &name)
{
    for (QComboBox *box : parent->findChildren<QComboBox *>()) {
        if (box->accessibleName() == name)
            return box;
    }
    return nullptr;
}

void choose(QComboBox *box, const QString &data)
{
    box->setCurrentIndex(box->findData(data));
}

} // namespace

class TestMoreOptionsPanel final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<OptionsPanel> m_panel;
    MediaInfo m_youtube;

    MoreOptionsPanel *more() const { return m_panel->moreOptions(); }

private slots:
    void initTestCase()
    {
        m_youtube = infoFrom(u"youtube-video.json"_s);
        QCOMPARE(m_youtube.platform, Platform::YouTube);
        QVERIFY(!m_youtube.chapters.isEmpty());
        QVERIFY(m_youtube.duration > 600);
    }

    void init()
    {
        m_panel = std::make_unique<OptionsPanel>();
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }

    void cleanup() { m_panel.reset(); }

    void foldedAwayUntilAskedFor()
    {
        m_panel->setInfo(m_youtube, {});
        QVERIFY(more()->toggleButton()->isVisible());
        QVERIFY(!more()->isExpanded());
        QVERIFY(!more()->subtitleFormatBox()->isVisible());
        QVERIFY(!more()->sponsorBlockBox()->isVisible());
        QTest::mouseClick(more()->toggleButton(), Qt::LeftButton);
        QVERIFY(more()->isExpanded());
        QVERIFY(more()->subtitleFormatBox()->isVisible());
        QVERIFY(more()->embedMetadataBox()->isVisible());
        QVERIFY(more()->fromEdit()->isVisible());
        QTest::mouseClick(more()->toggleButton(), Qt::LeftButton);
        QVERIFY(!more()->subtitleFormatBox()->isVisible());
        // Nothing chosen: the download is as it was before these options existed.
        const DownloadOptions options = m_panel->options();
        QCOMPARE(options.sponsorBlock, SponsorBlockMode::Off);
        QCOMPARE(options.subtitleFormat, SubtitleFormat::Original);
        QVERIFY(!options.embedThumbnail && !options.embedMetadata && !options.embedChapters);
        QVERIFY(options.section.isWhole());
    }

    void sponsorBlockIsOfferedForYouTubeOnly()
    {
        DownloadOptions defaults;
        defaults.sponsorBlock = SponsorBlockMode::Mark;
        defaults.sponsorBlockCategories = defaultSponsorBlockCategories();
        m_panel->setInfo(m_youtube, defaults);
        more()->setExpanded(true);
        QVERIFY(more()->sponsorBlockBox()->isVisible());
        QCOMPARE(m_panel->options().sponsorBlock, SponsorBlockMode::Mark);

        m_panel->setInfo(infoFrom(u"generic-page.json"_s), defaults);
        QVERIFY(!more()->sponsorBlockBox()->isVisible());
        QVERIFY(!more()->categoriesButton()->isVisible());
        QCOMPARE(m_panel->options().sponsorBlock, SponsorBlockMode::Off);
        // The choice is kept for the next YouTube video.
        QCOMPARE(m_panel->preferences().sponsorBlock, SponsorBlockMode::Mark);
        QCOMPARE(m_panel->preferences().sponsorBlockCategories, defaultSponsorBlockCategories());
    }

    void everyChoiceReachesTheDownload()
    {
        m_panel->setInfo(m_youtube, {});
        more()->setExpanded(true);
        choose(comboNamed(m_panel.get(), u"Container"_s), u"mkv"_s);
        m_panel->subtitleBox()->setCurrentIndex(1);
        QVERIFY(more()->subtitleFormatBox()->isEnabled());
        choose(more()->subtitleFormatBox(), u"srt"_s);
        QTest::mouseClick(more()->embedThumbnailBox(), Qt::LeftButton);
        QTest::mouseClick(more()->embedMetadataBox(), Qt::LeftButton);
        QTest::mouseClick(more()->embedChaptersBox(), Qt::LeftButton);
        QVERIFY(!more()->categoriesButton()->isEnabled()); // nothing to choose while SponsorBlock is off
        choose(more()->sponsorBlockBox(), u"remove"_s);
        QVERIFY(more()->categoriesButton()->isEnabled());
        for (QAction *action : more()->categoriesMenu()->actions()) {
            if (action->data() == u"sponsor"_s || action->data() == u"outro"_s)
                action->trigger();
        }
        QVERIFY(more()->categoriesButton()->toolTip().contains(u"Sponsor"_s));

        const DownloadOptions options = m_panel->options();
        QCOMPARE(options.container, Container::Mkv);
        QCOMPARE(options.subtitleFormat, SubtitleFormat::Srt);
        QVERIFY(options.embedThumbnail && options.embedMetadata && options.embedChapters);
        QCOMPARE(options.sponsorBlock, SponsorBlockMode::Remove);
        QCOMPARE(options.sponsorBlockCategories, (QStringList{u"sponsor"_s, u"outro"_s}));
    }

    void aSubtitleFormatOnlyWithSubtitles()
    {
        m_panel->setInfo(m_youtube, {});
        QVERIFY(!more()->subtitleFormatBox()->isEnabled());
        QComboBox *subtitles = m_panel->subtitleBox();
        QVERIFY(subtitles->count() > 1);
        subtitles->setCurrentIndex(1);
        QVERIFY(more()->subtitleFormatBox()->isEnabled());
        m_panel->setAudioOnly(true); // audio files take no subtitles
        QVERIFY(!more()->subtitleFormatBox()->isEnabled());
    }

    void theLastChoicesAreOfferedAgain()
    {
        DownloadOptions defaults;
        defaults.subtitleFormat = SubtitleFormat::Ass;
        defaults.embedMetadata = true;
        defaults.sponsorBlock = SponsorBlockMode::Remove;
        defaults.sponsorBlockCategories = QStringList{u"filler"_s};
        m_panel->setInfo(m_youtube, defaults);
        QCOMPARE(more()->subtitleFormatBox()->currentData().toString(), u"ass"_s);
        QVERIFY(more()->embedMetadataBox()->isChecked());
        QCOMPARE(more()->sponsorBlockBox()->currentData().toString(), u"remove"_s);
        QCOMPARE(m_panel->options().sponsorBlockCategories, QStringList{u"filler"_s});
    }

    void aThumbnailOnlyWhereTheFileTakesOne_data()
    {
        QTest::addColumn<QString>("container");
        QTest::addColumn<bool>("audio");
        QTest::addColumn<QString>("audioFormat");
        QTest::addColumn<bool>("allowed");

        QTest::newRow("mp4") << u"mp4"_s << false << QString() << true;
        QTest::newRow("mkv") << u"mkv"_s << false << QString() << true;
        QTest::newRow("webm cannot") << u"webm"_s << false << QString() << false;
        QTest::newRow("automatic may end as webm") << QString() << false << QString() << false;
        QTest::newRow("mp3 audio") << QString() << true << u"mp3"_s << true;
        QTest::newRow("m4a audio") << QString() << true << u"m4a"_s << true;
        QTest::newRow("opus audio may lack mutagen") << QString() << true << u"opus"_s << false;
    }

    void aThumbnailOnlyWhereTheFileTakesOne()
    {
        QFETCH(QString, container);
        QFETCH(bool, audio);
        QFETCH(QString, audioFormat);
        QFETCH(bool, allowed);
        m_panel->setInfo(m_youtube, {});
        choose(comboNamed(m_panel.get(), u"Container"_s), container);
        m_panel->setAudioOnly(audio);
        if (audio)
            choose(comboNamed(m_panel.get(), u"Audio format"_s), audioFormat);
        QCOMPARE(more()->embedThumbnailBox()->isEnabled(), allowed);
        QCOMPARE(more()->embedThumbnailBox()->toolTip().isEmpty(), allowed);
    }

    void chaptersOnlyWhenTheVideoHasSome()
    {
        DownloadOptions defaults;
        defaults.embedChapters = true;
        m_panel->setInfo(m_youtube, defaults);
        QVERIFY(more()->embedChaptersBox()->isEnabled());
        QVERIFY(m_panel->options().embedChapters);
        m_panel->setInfo(infoFrom(u"generic-page.json"_s), defaults);
        QVERIFY(!more()->embedChaptersBox()->isEnabled());
        QVERIFY(!more()->embedChaptersBox()->toolTip().isEmpty());
        QVERIFY(!m_panel->options().embedChapters);
        QVERIFY(m_panel->preferences().embedChapters); // still asked for videos that have chapters
    }

    void aTimeRangeAsPeopleWriteIt_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<double>("start"); // -1: refused with a message
        QTest::addColumn<double>("end");

        QTest::newRow("minutes and seconds") << u"1:23"_s << u"2:00"_s << 83.0 << 120.0;
        QTest::newRow("hours with zeros, seconds") << u"00:01:00"_s << u"90"_s << 60.0 << 90.0;
        QTest::newRow("only a start") << u"10:00"_s << QString() << 600.0 << 0.0;
        QTest::newRow("only an end") << QString() << u"0:45"_s << 0.0 << 45.0;
        QTest::newRow("end before start") << u"2:00"_s << u"1:00"_s << -1.0 << -1.0;
        QTest::newRow("past the end of the video") << u"1:00"_s << u"12:00"_s << -1.0 << -1.0;
        QTest::newRow("not a time") << u"soon"_s << QString() << -1.0 << -1.0;
    }

    void aTimeRangeAsPeopleWriteIt()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(double, start);
        QFETCH(double, end);
        m_panel->setInfo(m_youtube, {});
        QSignalSpy problemChanged(m_panel.get(), &OptionsPanel::problemChanged);
        // Typing expands the section by itself if it was folded, so a typed range stays in sight.
        QTest::keyClicks(more()->fromEdit(), from);
        QTest::keyClicks(more()->toEdit(), to);
        QVERIFY(!problemChanged.isEmpty());
        QVERIFY(more()->isExpanded());
        if (start < 0) {
            QVERIFY(!m_panel->problem().isEmpty());
            QVERIFY(more()->problemLabel()->isVisible());
            QCOMPARE(more()->problemLabel()->text(), m_panel->problem());
            QVERIFY(m_panel->options().section.isWhole());
        } else {
            QVERIFY2(m_panel->problem().isEmpty(), qPrintable(m_panel->problem()));
            QVERIFY(!more()->problemLabel()->isVisible());
            QVERIFY(m_panel->options().section == (TimeRange{start, end}));
            QVERIFY(m_panel->preferences().section.isWhole()); // a range is for this video only
        }
        // Fixing it clears the message.
        more()->fromEdit()->clear();
        more()->toEdit()->clear();
        QVERIFY(m_panel->problem().isEmpty());
        QVERIFY(!more()->problemLabel()->isVisible());
    }

    void theEndFieldShowsTheLength()
    {
        m_panel->setInfo(m_youtube, {});
        QVERIFY(more()->toEdit()->placeholderText().contains(formatTimestamp(m_youtube.duration)));
    }

    void aPlaylistHasNoTimeRange()
    {
        m_panel->setInfo(infoFrom(u"youtube-playlist-flat.json"_s), {});
        more()->setExpanded(true);
        QVERIFY(!more()->fromEdit()->isVisible());
        QVERIFY(more()->sponsorBlockBox()->isVisible()); // YouTube entries still have segments
        QVERIFY(m_panel->options().section.isWhole());
    }

    void aNewVideoStartsWhole()
    {
        m_panel->setInfo(m_youtube, {});
        QTest::keyClicks(more()->fromEdit(), u"1:00"_s);
        m_panel->setInfo(m_youtube, {});
        QVERIFY(more()->fromEdit()->text().isEmpty());
        QVERIFY(m_panel->options().section.isWhole());
    }
};

QTEST_MAIN(TestMoreOptionsPanel)
#include "tst_moreoptionspanel.moc"
