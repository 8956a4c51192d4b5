// The settings dialog as a person uses it, on the offscreen platform, over a settings file of its own: it
// shows what is stored, writes what was edited on OK and Apply (and nothing on Cancel), previews file names
// as they are typed, refuses what cannot be saved without a modal error, and finds the real yt-dlp's version.

#include "appsettings.h"
#include "outputtemplate.h"
#include "settingsdialog.h"
#include "settingstoolspage.h"
#include "theme.h"
#include "toollocator.h"
#include "translations.h"
#include "ytdlparguments.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Gravity;
using namespace Qt::StringLiterals;

class TestSettingsDialog final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<SettingsDialog> m_dialog;

    [[nodiscard]] QString iniFile() const { return m_dir->filePath(u"gravity.ini"_s); }

    // A dialog over the current settings file, shown (offscreen) so focus and visibility behave as for a
    // user.
    void openDialog()
    {
        m_dialog.reset();
        m_settings = std::make_unique<AppSettings>(iniFile());
        m_dialog = std::make_unique<SettingsDialog>(m_settings.get());
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    }
    // What a fresh start of Gravity would read from the file.
    [[nodiscard]] std::unique_ptr<AppSettings> reread() const
    {
        return std::make_unique<AppSettings>(iniFile());
    }

    template<typename T> T *child(const QString &name) const
    {
        T *widget = m_dialog->findChild<T *>(name);
        if (!widget)
            qWarning("no child %s", qPrintable(name));
        return widget;
    }
    QAbstractButton *button(QDialogButtonBox::StandardButton which) const
    {
        return m_dialog->findChild<QDialogButtonBox *>()->button(which);
    }
    QLabel *problemLabel() const { return child<QLabel>(u"settingsProblem"_s); }

    static void typeInto(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }
    static void choose(QComboBox *box, const QVariant &data)
    {
        const int index = box->findData(data);
        QVERIFY2(index >= 0, qPrintable(data.toString()));
        box->setCurrentIndex(index);
        emit box->activated(index); // what a click on the item sends
    }
    // Types into a spin box the way a person does: select all, type, leave the field.
    static void typeInto(QSpinBox *box, const QString &text)
    {
        box->setFocus();
        box->selectAll();
        QTest::keyClicks(box, text);
        box->clearFocus(); // leaving the field fixes up what was typed (Enter would press OK)
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        installTranslations(qApp, QLocale(QLocale::English)); // the plural forms ("1 day", "2 days")
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup()
    {
        m_dialog.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void showsStoredValues()
    {
        const QString cookies = m_dir->filePath(u"cookies.txt"_s);
        {
            QFile file(cookies);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        {
            AppSettings stored(iniFile());
            stored.setDownloadFolder(u"/data/videos"_s);
            stored.setMaxConcurrent(5);
            DownloadOptions options;
            options.quality = QualityPreset::P720;
            options.container = Container::Mkv;
            options.audioFormat = AudioFormat::Opus;
            stored.setLastOptions(options);
            stored.setOutputTemplate(u"%(title)s.%(ext)s"_s);
            stored.setPlaylistSubfolder(false);
            stored.setHistoryRetentionDays(30);
            stored.setProxyMode(ProxyMode::Manual);
            stored.setProxyScheme(u"socks5"_s);
            stored.setProxyHost(u"proxy.example.com"_s);
            stored.setProxyPort(1081);
            stored.setProxyUser(u"me"_s);
            stored.setRateLimitBytesPerSec(2 * 1024 * 1024);
            stored.setCookieSource(CookieSource::File);
            stored.setCookiesFile(cookies);
            stored.setCookiesBrowser(u"chrome"_s);
            stored.setYtDlpPath(u"/opt/yt-dlp"_s);
            stored.setThemeMode(u"dark"_s);
            stored.setLanguage(u"zh_CN"_s);
            stored.setOfferClipboardUrls(true);
            stored.setNotifications(false);
        }
        openDialog();
        QCOMPARE(child<QLineEdit>(u"settingsFolder"_s)->text(), QDir::toNativeSeparators(u"/data/videos"_s));
        QCOMPARE(child<QSpinBox>(u"settingsMaxConcurrent"_s)->value(), 5);
        QCOMPARE(child<QComboBox>(u"settingsQuality"_s)->currentData().toString(), u"720"_s);
        QCOMPARE(child<QComboBox>(u"settingsContainer"_s)->currentData().toString(), u"mkv"_s);
        QCOMPARE(child<QComboBox>(u"settingsAudioFormat"_s)->currentData().toString(), u"opus"_s);
        QCOMPARE(child<QLineEdit>(u"settingsTemplate"_s)->text(), u"%(title)s.%(ext)s"_s);
        QCOMPARE(child<QComboBox>(u"settingsTemplatePreset"_s)->currentText(), u"Custom"_s);
        QVERIFY(!child<QCheckBox>(u"settingsPlaylistFolder"_s)->isChecked());
        QCOMPARE(child<QSpinBox>(u"settingsRetention"_s)->value(), 30);
        // "30 days" once the English plural catalogue has the string; "30 day(s)" before lupdate ran.
        QVERIFY(child<QSpinBox>(u"settingsRetention"_s)->text().startsWith(u"30 day"_s));
        QCOMPARE(child<QComboBox>(u"settingsProxyMode"_s)->currentData().toInt(), int(ProxyMode::Manual));
        QCOMPARE(child<QLineEdit>(u"settingsProxyHost"_s)->text(), u"proxy.example.com"_s);
        QCOMPARE(child<QSpinBox>(u"settingsProxyPort"_s)->value(), 1081);
        QCOMPARE(child<QLineEdit>(u"settingsProxyUser"_s)->text(), u"me"_s);
        QCOMPARE(child<QSpinBox>(u"settingsRateLimit"_s)->value(), 2); // MiB/s
        QCOMPARE(child<QComboBox>(u"settingsCookieSource"_s)->currentData().toInt(), int(CookieSource::File));
        QCOMPARE(child<QLineEdit>(u"settingsCookiesFile"_s)->text(), QDir::toNativeSeparators(cookies));
        QCOMPARE(child<QComboBox>(u"settingsCookiesBrowser"_s)->currentData().toString(), u"chrome"_s);
        QCOMPARE(child<QComboBox>(u"settingsCookiesBrowser"_s)->currentText(), u"Google Chrome"_s);
        QCOMPARE(child<QLineEdit>(u"settingsYtDlpPath"_s)->text(),
                 QDir::toNativeSeparators(u"/opt/yt-dlp"_s));
        QVERIFY(child<QLineEdit>(u"settingsFfmpegPath"_s)->text().isEmpty());
        QCOMPARE(child<QComboBox>(u"settingsTheme"_s)->currentData().toString(), u"dark"_s);
        QCOMPARE(child<QComboBox>(u"settingsLanguage"_s)->currentText(), u"简体中文"_s);
        QVERIFY(child<QCheckBox>(u"settingsClipboard"_s)->isChecked());
        QVERIFY(!child<QCheckBox>(u"settingsNotifications"_s)->isChecked());
        // Nothing edited yet: OK may close, Apply has nothing to do.
        QVERIFY(button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(!button(QDialogButtonBox::Apply)->isEnabled());
        QVERIFY(problemLabel()->text().isEmpty());
    }

    void okWritesTheEdits()
    {
        openDialog();
        QSignalSpy applied(m_dialog.get(), &SettingsDialog::applied);
        typeInto(child<QLineEdit>(u"settingsFolder"_s), QDir::toNativeSeparators(u"/srv/media"_s));
        child<QSpinBox>(u"settingsMaxConcurrent"_s)->setValue(7);
        choose(child<QComboBox>(u"settingsQuality"_s), u"1080"_s);
        choose(child<QComboBox>(u"settingsContainer"_s), u"mp4"_s);
        choose(child<QComboBox>(u"settingsAudioFormat"_s), u"mp3"_s);
        choose(child<QComboBox>(u"settingsTemplatePreset"_s), OutputTemplate::presets().at(2).pattern);
        child<QCheckBox>(u"settingsPlaylistFolder"_s)->setChecked(false);
        typeInto(child<QSpinBox>(u"settingsRetention"_s), u"90"_s);
        choose(child<QComboBox>(u"settingsProxyMode"_s), int(ProxyMode::Manual));
        typeInto(child<QLineEdit>(u"settingsProxyHost"_s), u"10.0.0.1"_s);
        child<QSpinBox>(u"settingsProxyPort"_s)->setValue(3128);
        typeInto(child<QLineEdit>(u"settingsProxyPassword"_s), u"p@ss:word"_s);
        child<QSpinBox>(u"settingsRateLimit"_s)->setValue(500); // KiB/s
        choose(child<QComboBox>(u"settingsCookieSource"_s), int(CookieSource::Browser));
        choose(child<QComboBox>(u"settingsCookiesBrowser"_s), u"firefox"_s);
        typeInto(child<QLineEdit>(u"settingsFfmpegPath"_s), u"/usr/local/bin/ffmpeg"_s);
        choose(child<QComboBox>(u"settingsTheme"_s), u"light"_s);
        choose(child<QComboBox>(u"settingsLanguage"_s), u"en"_s);
        child<QCheckBox>(u"settingsClipboard"_s)->setChecked(true);
        child<QCheckBox>(u"settingsNotifications"_s)->setChecked(false);
        QVERIFY(button(QDialogButtonBox::Apply)->isEnabled());

        button(QDialogButtonBox::Ok)->click();
        QCOMPARE(applied.count(), 1);
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
        QVERIFY(!m_dialog->isVisible());

        const auto stored = reread();
        QCOMPARE(stored->downloadFolder(), u"/srv/media"_s);
        QCOMPARE(stored->maxConcurrent(), 7);
        QCOMPARE(stored->lastOptions().quality, QualityPreset::P1080);
        QCOMPARE(stored->lastOptions().container, Container::Mp4);
        QCOMPARE(stored->lastOptions().audioFormat, AudioFormat::Mp3);
        QCOMPARE(stored->outputTemplate(), OutputTemplate::presets().at(2).pattern);
        QVERIFY(!stored->playlistSubfolder());
        QCOMPARE(stored->historyRetentionDays(), 90);
        QCOMPARE(stored->proxyMode(), ProxyMode::Manual);
        QCOMPARE(stored->proxyHost(), u"10.0.0.1"_s);
        QCOMPARE(stored->proxyPort(), 3128);
        QCOMPARE(stored->proxyPassword(), u"p@ss:word"_s);
        QCOMPARE(stored->rateLimitBytesPerSec(), 500 * 1024);
        QCOMPARE(stored->cookieSource(), CookieSource::Browser);
        QCOMPARE(stored->cookiesBrowser(), u"firefox"_s);
        QCOMPARE(stored->ffmpegPath(), u"/usr/local/bin/ffmpeg"_s);
        QVERIFY(stored->ytDlpPath().isEmpty());
        QCOMPARE(stored->themeMode(), u"light"_s);
        QCOMPARE(stored->language(), u"en"_s);
        QVERIFY(stored->offerClipboardUrls());
        QVERIFY(!stored->notifications());
    }

    void theDefaultTemplateIsStoredAsDefault()
    {
        openDialog();
        choose(child<QComboBox>(u"settingsTemplatePreset"_s), OutputTemplate::presets().at(1).pattern);
        button(QDialogButtonBox::Apply)->click();
        QCOMPARE(reread()->outputTemplate(), OutputTemplate::presets().at(1).pattern);
        // Back to the first preset: stored as "", so a later default reaches this user too.
        choose(child<QComboBox>(u"settingsTemplatePreset"_s), OutputTemplate::presets().at(0).pattern);
        button(QDialogButtonBox::Apply)->click();
        QSettings raw(iniFile(), QSettings::IniFormat);
        QCOMPARE(raw.value(u"downloads/outputTemplate"_s).toString(), QString());
        QCOMPARE(child<QLineEdit>(u"settingsTemplate"_s)->text(), defaultOutputTemplate());
    }

    void cancelWritesNothing()
    {
        {
            AppSettings stored(iniFile());
            stored.setMaxConcurrent(2);
            stored.setThemeMode(u"dark"_s);
        }
        openDialog();
        QSignalSpy applied(m_dialog.get(), &SettingsDialog::applied);
        child<QSpinBox>(u"settingsMaxConcurrent"_s)->setValue(9);
        choose(child<QComboBox>(u"settingsTheme"_s), u"light"_s);
        typeInto(child<QLineEdit>(u"settingsTemplate"_s), u"%(id)s.%(ext)s"_s);
        button(QDialogButtonBox::Cancel)->click();
        QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
        QCOMPARE(applied.count(), 0);
        const auto stored = reread();
        QCOMPARE(stored->maxConcurrent(), 2);
        QCOMPARE(stored->themeMode(), u"dark"_s);
        QVERIFY(stored->outputTemplate().isEmpty());
    }

    void applyWritesAndStaysOpen()
    {
        openDialog();
        QSignalSpy applied(m_dialog.get(), &SettingsDialog::applied);
        child<QSpinBox>(u"settingsMaxConcurrent"_s)->setValue(4);
        QVERIFY(m_dialog->isModified());
        button(QDialogButtonBox::Apply)->click();
        QCOMPARE(applied.count(), 1);
        QVERIFY(m_dialog->isVisible());
        QCOMPARE(reread()->maxConcurrent(), 4);
        // Applied: nothing left to apply, and OK without further edits closes without writing again.
        QVERIFY(!button(QDialogButtonBox::Apply)->isEnabled());
        button(QDialogButtonBox::Ok)->click();
        QCOMPARE(applied.count(), 1);
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    }

    void templatePreview_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("preview"); // empty: refused
        QTest::addColumn<QString>("preset");  // the preset chosen for it, "Custom" when none

        QTest::newRow("the default names title and id")
            << defaultOutputTemplate() << u"Rick Astley - Never Gonna Give You Up [dQw4w9WgXcQ].mp4"_s
            << OutputTemplate::presetName(u"title-id"_s);
        QTest::newRow("title only") << u"%(title).200B.%(ext)s"_s
                                    << u"Rick Astley - Never Gonna Give You Up.mp4"_s
                                    << OutputTemplate::presetName(u"title"_s);
        QTest::newRow("a folder per uploader")
            << u"%(uploader).80B/%(title).200B [%(id)s].%(ext)s"_s
            << QDir::toNativeSeparators(
                   u"Rick Astley/Rick Astley - Never Gonna Give You Up [dQw4w9WgXcQ].mp4"_s)
            << OutputTemplate::presetName(u"uploader-title"_s);
        QTest::newRow("typed by hand, with the upload date")
            << u"%(upload_date>%Y-%m-%d)s %(title)s.%(ext)s"_s
            << u"2009-10-25 Rick Astley - Never Gonna Give You Up.mp4"_s << u"Custom"_s;
        QTest::newRow("an absolute path is refused")
            << u"/tmp/%(title)s.%(ext)s"_s << QString() << u"Custom"_s;
        QTest::newRow("leaving the folder is refused")
            << u"../%(title)s.%(ext)s"_s << QString() << u"Custom"_s;
        QTest::newRow("nothing at all is refused") << u"   "_s << QString() << u"Custom"_s;
        QTest::newRow("a folder without a file name is refused")
            << u"%(uploader)s/"_s << QString() << u"Custom"_s;
    }

    void templatePreview()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, preview);
        QFETCH(QString, preset);
        openDialog();
        auto *edit = child<QLineEdit>(u"settingsTemplate"_s);
        auto *label = child<QLabel>(u"settingsTemplatePreview"_s);
        // Half-way through the typing the preview already follows.
        typeInto(edit, u"%(id)s.%(ext)s"_s);
        QCOMPARE(label->text(), u"dQw4w9WgXcQ.mp4"_s);
        typeInto(edit, pattern);
        QCOMPARE(child<QComboBox>(u"settingsTemplatePreset"_s)->currentText(), preset);
        if (!preview.isEmpty()) {
            QCOMPARE(label->text(), preview);
            QCOMPARE(label->property("role").toString(), u"secondary"_s);
            QVERIFY(button(QDialogButtonBox::Ok)->isEnabled());
            QVERIFY(button(QDialogButtonBox::Apply)->isEnabled());
            QVERIFY(problemLabel()->text().isEmpty());
            return;
        }
        const QString message = OutputTemplate::problemText(OutputTemplate::validate(pattern));
        QVERIFY(!message.isEmpty());
        QCOMPARE(label->text(), message);
        QCOMPARE(label->property("role").toString(), u"error"_s);
        QVERIFY(!button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(!button(QDialogButtonBox::Apply)->isEnabled());
        QVERIFY(!problemLabel()->text().isEmpty());
        QCOMPARE(problemLabel()->text(), message);
        // Fixing it gives OK back.
        typeInto(edit, u"%(title)s.%(ext)s"_s);
        QVERIFY(button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(problemLabel()->text().isEmpty());
    }

    void playlistFolderPreview()
    {
        openDialog();
        auto *box = child<QCheckBox>(u"settingsPlaylistFolder"_s);
        box->setChecked(true);
        const auto labels = m_dialog->findChildren<QLabel *>();
        const auto playlistLine = std::find_if(labels.cbegin(), labels.cend(), [](const QLabel *label) {
            return label->isVisible() && label->text().contains(u"Best of 1987"_s);
        });
        QVERIFY(playlistLine != labels.cend());
        box->setChecked(false);
        QVERIFY(!(*playlistLine)->isVisible());
    }

    void proxyFieldsFollowTheMode_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("no proxy") << int(ProxyMode::None);
        QTest::newRow("the system's proxy") << int(ProxyMode::System);
        QTest::newRow("a manual proxy") << int(ProxyMode::Manual);
    }

    void proxyFieldsFollowTheMode()
    {
        QFETCH(int, mode);
        openDialog();
        m_dialog->showPage(SettingsDialog::Page::Network);
        choose(child<QComboBox>(u"settingsProxyMode"_s), mode);
        const bool manual = ProxyMode(mode) == ProxyMode::Manual;
        for (const QString &name : {u"settingsProxyHost"_s, u"settingsProxyPort"_s, u"settingsProxyUser"_s,
                                    u"settingsProxyPassword"_s}) {
            QCOMPARE(child<QWidget>(name)->isEnabled(), manual);
        }
        QCOMPARE(child<QLineEdit>(u"settingsProxyPassword"_s)->echoMode(), QLineEdit::Password);
        // A manual proxy needs a host before it can be saved; the others need nothing.
        QCOMPARE(button(QDialogButtonBox::Ok)->isEnabled(), !manual);
        QCOMPARE(!problemLabel()->text().isEmpty(), manual);
        if (manual) {
            QVERIFY(problemLabel()->text().contains(u"host"_s));
            typeInto(child<QLineEdit>(u"settingsProxyHost"_s), u"http://proxy:8080"_s);
            QVERIFY(!button(QDialogButtonBox::Ok)->isEnabled()); // a URL is not a host
            typeInto(child<QLineEdit>(u"settingsProxyHost"_s), u"proxy.lan"_s);
            QVERIFY(button(QDialogButtonBox::Ok)->isEnabled());
            QVERIFY(problemLabel()->text().isEmpty());
        }
    }

    void thePasswordIsNeverShown()
    {
        const QString secret = u"Sup3r-s3cret!"_s;
        {
            AppSettings stored(iniFile());
            stored.setProxyMode(ProxyMode::Manual);
            stored.setProxyHost(u"proxy.lan"_s);
            stored.setProxyPort(8080);
            stored.setProxyUser(u"me"_s);
            stored.setProxyPassword(secret);
        }
        openDialog();
        m_dialog->showPage(SettingsDialog::Page::Network);
        auto *password = child<QLineEdit>(u"settingsProxyPassword"_s);
        QCOMPARE(password->text(), secret);
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        QVERIFY(!password->displayText().contains(secret));
        const auto noLabelShows = [&] {
            for (const QWidget *widget : m_dialog->findChildren<QWidget *>()) {
                if (const auto *label = qobject_cast<const QLabel *>(widget))
                    QVERIFY2(!label->text().contains(secret), qPrintable(label->objectName()));
                QVERIFY(!widget->toolTip().contains(secret));
                QVERIFY(!widget->accessibleName().contains(secret));
                QVERIFY(!widget->accessibleDescription().contains(secret));
            }
        };
        noLabelShows();
        // Nor when the proxy is refused, nor after saving.
        typeInto(child<QLineEdit>(u"settingsProxyHost"_s), u"bad host"_s);
        QVERIFY(!problemLabel()->text().isEmpty());
        noLabelShows();
        typeInto(child<QLineEdit>(u"settingsProxyHost"_s), u"proxy.lan"_s);
        button(QDialogButtonBox::Apply)->click();
        noLabelShows();
        QCOMPARE(reread()->proxyPassword(), secret);
    }

    void rateLimitIsShownInItsUnit_data()
    {
        QTest::addColumn<qint64>("stored");
        QTest::addColumn<int>("shown");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<qint64>("written"); // after an unrelated edit and Apply

        QTest::newRow("unlimited") << qint64(0) << 0 << u"KiB/s"_s << qint64(0);
        QTest::newRow("whole MiB/s stay MiB/s")
            << qint64(2 * 1024 * 1024) << 2 << u"MiB/s"_s << qint64(2 * 1024 * 1024);
        QTest::newRow("one and a half MiB/s in KiB/s")
            << qint64(1536 * 1024) << 1536 << u"KiB/s"_s << qint64(1536 * 1024);
        QTest::newRow("odd bytes round down, never faster")
            << qint64(1000 * 1024 + 700) << 1000 << u"KiB/s"_s << qint64(1000 * 1024);
        QTest::newRow("under 1 KiB/s is 1 KiB/s, not unlimited")
            << qint64(300) << 1 << u"KiB/s"_s << qint64(1024);
    }

    void rateLimitIsShownInItsUnit()
    {
        QFETCH(qint64, stored);
        QFETCH(int, shown);
        QFETCH(QString, unit);
        QFETCH(qint64, written);
        AppSettings(iniFile()).setRateLimitBytesPerSec(stored);
        openDialog();
        auto *rate = child<QSpinBox>(u"settingsRateLimit"_s);
        QCOMPARE(rate->value(), shown);
        if (shown == 0)
            QCOMPARE(rate->text(), u"Unlimited"_s);
        const auto units = m_dialog->findChildren<QComboBox *>();
        const auto unitBox = std::find_if(units.cbegin(), units.cend(), [](const QComboBox *box) {
            return box->accessibleName() == u"Unit of the speed limit"_s;
        });
        QVERIFY(unitBox != units.cend());
        QCOMPARE((*unitBox)->currentText(), unit);
        QCOMPARE((*unitBox)->isEnabled(), shown > 0);
        child<QSpinBox>(u"settingsMaxConcurrent"_s)->setValue(4);
        button(QDialogButtonBox::Apply)->click();
        QCOMPARE(reread()->rateLimitBytesPerSec(), written);
    }

    void cookiesFromAFile()
    {
        openDialog();
        choose(child<QComboBox>(u"settingsCookieSource"_s), int(CookieSource::File));
        QVERIFY(child<QLineEdit>(u"settingsCookiesFile"_s)->isEnabled());
        QVERIFY(!child<QComboBox>(u"settingsCookiesBrowser"_s)->isEnabled());
        QVERIFY(!button(QDialogButtonBox::Ok)->isEnabled()); // no file chosen yet
        const QString missing = m_dir->filePath(u"missing.txt"_s);
        typeInto(child<QLineEdit>(u"settingsCookiesFile"_s), QDir::toNativeSeparators(missing));
        QVERIFY(!button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(problemLabel()->text().contains(QDir::toNativeSeparators(missing)));
        QFile file(missing);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        typeInto(child<QLineEdit>(u"settingsCookiesFile"_s), QDir::toNativeSeparators(missing));
        QVERIFY(button(QDialogButtonBox::Ok)->isEnabled());
        button(QDialogButtonBox::Ok)->click();
        QCOMPARE(reread()->cookieSource(), CookieSource::File);
        QCOMPARE(reread()->cookiesFile(), missing);
    }

    void aBrowserProfileIsKept()
    {
        {
            AppSettings stored(iniFile());
            stored.setCookieSource(CookieSource::Browser);
            stored.setCookiesBrowser(u"firefox:work"_s);
        }
        openDialog();
        QCOMPARE(child<QComboBox>(u"settingsCookiesBrowser"_s)->currentText(), u"Firefox"_s);
        child<QSpinBox>(u"settingsMaxConcurrent"_s)->setValue(4); // an unrelated edit
        button(QDialogButtonBox::Apply)->click();
        QCOMPARE(reread()->cookiesBrowser(), u"firefox:work"_s);
        choose(child<QComboBox>(u"settingsCookiesBrowser"_s), u"chromium"_s);
        button(QDialogButtonBox::Apply)->click();
        QCOMPARE(reread()->cookiesBrowser(), u"chromium"_s);
    }

    void toolsShowTheRealVersion()
    {
        const QString ytDlp = ToolLocator::locate(Tool::YtDlp);
        if (ytDlp.isEmpty())
            QSKIP("yt-dlp is not installed");
        const std::optional<QString> version = ToolLocator::ytDlpVersion(ytDlp);
        QVERIFY(version);
        openDialog();
        m_dialog->showPage(SettingsDialog::Page::Tools);
        auto *path = child<QLineEdit>(u"settingsYtDlpPath"_s);
        auto *label = child<QLabel>(u"settingsYtDlpVersion"_s);
        QTRY_COMPARE_WITH_TIMEOUT(label->text(), u"Version %1"_s.arg(*version), 30000);
        QCOMPARE(label->property("role").toString(), u"secondary"_s);
        QVERIFY(path->placeholderText().contains(QDir::toNativeSeparators(ytDlp)));

        // A path to nothing: checked again once the typing pauses, and said plainly.
        typeInto(path, m_dir->filePath(u"no-such-yt-dlp"_s));
        QTRY_COMPARE_WITH_TIMEOUT(label->text(), u"Not found"_s, 10000);
        QCOMPARE(label->property("role").toString(), u"error"_s);
        // A path that is not yt-dlp at all.
        typeInto(path, QDir::toNativeSeparators(u"/bin/true"_s));
        QTRY_VERIFY_WITH_TIMEOUT(
            label->property("role").toString() == u"error"_s && label->text().contains(u"yt-dlp"_s), 10000);
        // The real one, by path.
        typeInto(path, QDir::toNativeSeparators(ytDlp));
        QTRY_COMPARE_WITH_TIMEOUT(label->text(), u"Version %1"_s.arg(*version), 30000);
        // A missing tool is not a reason to refuse saving: it may be installed later.
        typeInto(path, m_dir->filePath(u"no-such-yt-dlp"_s));
        QVERIFY(button(QDialogButtonBox::Ok)->isEnabled());
    }

    void ffmpegVersionIsShown()
    {
        const QString ffmpeg = ToolLocator::locate(Tool::Ffmpeg);
        if (ffmpeg.isEmpty())
            QSKIP("ffmpeg is not installed");
        openDialog();
        auto *label = child<QLabel>(u"settingsFfmpegVersion"_s);
        QTRY_VERIFY_WITH_TIMEOUT(label->text().startsWith(u"Version "_s), 30000);
        QCOMPARE(label->property("role").toString(), u"secondary"_s);
    }

    void outOfRangeValuesAreClamped()
    {
        {
            // A hand-edited file: every number out of its range.
            QSettings raw(iniFile(), QSettings::IniFormat);
            raw.setValue(u"downloads/maxConcurrent"_s, 99);
            raw.setValue(u"tools/probeTimeoutSec"_s, 1);
            raw.setValue(u"tools/stallTimeoutSec"_s, 3);
            raw.setValue(u"tools/downloadTimeLimitMin"_s, 100000);
            raw.setValue(u"history/retentionDays"_s, 99999);
            raw.setValue(u"network/proxyPort"_s, 70000);
        }
        openDialog();
        auto *concurrent = child<QSpinBox>(u"settingsMaxConcurrent"_s);
        QCOMPARE(concurrent->value(), 10);
        QCOMPARE(child<QSpinBox>(u"settingsProbeTimeout"_s)->value(), 10);
        QCOMPARE(child<QSpinBox>(u"settingsStallTimeout"_s)->value(), 15);
        QCOMPARE(child<QSpinBox>(u"settingsTimeLimit"_s)->value(), 1440);
        QCOMPARE(child<QSpinBox>(u"settingsRetention"_s)->value(), 3650);
        QVERIFY(child<QSpinBox>(u"settingsProxyPort"_s)->value() <= 65535);

        // Typing past the range is refused, below it is corrected.
        typeInto(concurrent, u"50"_s);
        QVERIFY(concurrent->value() <= 10);
        typeInto(concurrent, u"0"_s);
        QCOMPARE(concurrent->value(), 1);

        // 1..14 seconds is not a stall timeout: typed, it becomes the shortest one; stepping down leaves
        // the gap for "Never".
        auto *stall = child<QSpinBox>(u"settingsStallTimeout"_s);
        typeInto(stall, u"5"_s);
        QCOMPARE(stall->value(), 15);
        QVERIFY(stall->text().startsWith(u"15 second"_s));
        stall->stepDown();
        QCOMPARE(stall->value(), 0);
        QCOMPARE(stall->text(), u"Never"_s);
        stall->stepUp();
        QCOMPARE(stall->value(), 15);

        auto *retention = child<QSpinBox>(u"settingsRetention"_s);
        typeInto(retention, u"0"_s);
        QCOMPARE(retention->text(), u"Forever"_s);
        typeInto(retention, u"1"_s);
        QVERIFY(retention->text().startsWith(u"1 day"_s));

        button(QDialogButtonBox::Ok)->click();
        const auto stored = reread();
        QCOMPARE(stored->maxConcurrent(), 1);
        QCOMPARE(stored->stallTimeoutSec(), 15);
        QCOMPARE(stored->historyRetentionDays(), 1);
        QCOMPARE(stored->probeTimeoutSec(), 10);
    }

    void restoreDefaultsResetsOnlyThisPage()
    {
        {
            AppSettings stored(iniFile());
            stored.setMaxConcurrent(8);
            stored.setOutputTemplate(u"%(id)s.%(ext)s"_s);
            stored.setThemeMode(u"dark"_s);
        }
        openDialog();
        QSignalSpy applied(m_dialog.get(), &SettingsDialog::applied);
        m_dialog->showPage(SettingsDialog::Page::Downloads);
        child<QPushButton>(u"settingsRestoreDefaults"_s)->click();
        QCOMPARE(child<QSpinBox>(u"settingsMaxConcurrent"_s)->value(), 3);
        QCOMPARE(child<QLineEdit>(u"settingsTemplate"_s)->text(), defaultOutputTemplate());
        QCOMPARE(child<QComboBox>(u"settingsTheme"_s)->currentData().toString(), u"dark"_s);
        QCOMPARE(applied.count(), 0);
        QCOMPARE(reread()->maxConcurrent(), 8); // not saved until OK or Apply
        QVERIFY(button(QDialogButtonBox::Apply)->isEnabled());
        button(QDialogButtonBox::Ok)->click();
        QCOMPARE(reread()->maxConcurrent(), 3);
        QVERIFY(reread()->outputTemplate().isEmpty());
        QCOMPARE(reread()->themeMode(), u"dark"_s);
    }

    void closeToTrayNeedsATray()
    {
        openDialog();
        auto *box = child<QCheckBox>(u"settingsCloseToTray"_s);
        QCOMPARE(box->isEnabled(), QSystemTrayIcon::isSystemTrayAvailable());
        if (!QSystemTrayIcon::isSystemTrayAvailable()) {
            QVERIFY(!box->isChecked());
            // The stored wish stays for a session that has a tray.
            child<QSpinBox>(u"settingsMaxConcurrent"_s)->setValue(4);
            button(QDialogButtonBox::Ok)->click();
            QVERIFY(reread()->closeToTray());
        }
    }

    void sectionsSwitchPages()
    {
        openDialog();
        for (const auto page :
             {SettingsDialog::Page::Network, SettingsDialog::Page::Tools, SettingsDialog::Page::Appearance,
              SettingsDialog::Page::Behaviour, SettingsDialog::Page::Downloads}) {
            m_dialog->showPage(page);
            QCOMPARE(m_dialog->currentPage(), page);
        }
        QVERIFY(child<QLineEdit>(u"settingsFolder"_s)->isVisible());
        QVERIFY(!child<QComboBox>(u"settingsTheme"_s)->isVisible());
    }

    void tabGoesThroughThePageToTheButtons()
    {
        openDialog();
        m_dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
        auto *sections = child<QWidget>(u"settingsSections"_s);
        sections->setFocus();
        QTest::keyClick(sections, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), child<QWidget>(u"settingsFolder"_s));
        // Tools: the paths first, then the limits.
        m_dialog->showPage(SettingsDialog::Page::Tools);
        sections->setFocus();
        QTest::keyClick(sections, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), child<QWidget>(u"settingsYtDlpPath"_s));
        // Behaviour's last box is followed by the dialog's buttons.
        m_dialog->showPage(SettingsDialog::Page::Behaviour);
        auto *notifications = child<QWidget>(u"settingsNotifications"_s);
        notifications->setFocus();
        QTest::keyClick(notifications, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), child<QWidget>(u"settingsRestoreDefaults"_s));
    }

    // For looking at, not for CI: GRAVITY_SETTINGS_SHOTS=DIR writes every page in light and dark, with a
    // refused template and a manual proxy, as PNGs. Last, because the theme it applies stays on the app.
    void screenshots()
    {
        const QString out = qEnvironmentVariable("GRAVITY_SETTINGS_SHOTS");
        if (out.isEmpty())
            QSKIP("set GRAVITY_SETTINGS_SHOTS=DIR to write screenshots");
        QVERIFY(QDir().mkpath(out));
        {
            AppSettings stored(iniFile());
            stored.setProxyMode(ProxyMode::Manual);
            stored.setProxyHost(u"proxy.lan"_s);
            stored.setProxyPort(3128);
            stored.setProxyUser(u"me"_s);
            stored.setProxyPassword(u"secret"_s);
            stored.setRateLimitBytesPerSec(3 * 1024 * 1024);
            stored.setCookieSource(CookieSource::Browser);
            stored.setHistoryRetentionDays(90);
        }
        for (const ThemeMode mode : {ThemeMode::Light, ThemeMode::Dark}) {
            Theme theme(mode);
            openDialog();
            m_dialog->activateWindow(); // the sections list shows its focus ring
            QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
            const QString variant = themeModeId(mode);
            for (int page = 0; page <= int(SettingsDialog::Page::Behaviour); ++page) {
                m_dialog->showPage(SettingsDialog::Page(page));
                if (SettingsDialog::Page(page) == SettingsDialog::Page::Tools) {
                    auto *tools =
                        static_cast<SettingsToolsPage *>(m_dialog->page(SettingsDialog::Page::Tools));
                    QTRY_VERIFY_WITH_TIMEOUT(!tools->isChecking(), 30000);
                }
                QTest::qWait(50);
                QVERIFY(m_dialog->grab().save(u"%1/settings-%2-%3.png"_s.arg(out, variant).arg(page)));
                // The whole page, scrolled part included.
                const QSize size = m_dialog->size();
                m_dialog->resize(size.width(), 1000);
                QTest::qWait(50);
                QVERIFY(m_dialog->grab().save(u"%1/settings-%2-%3-full.png"_s.arg(out, variant).arg(page)));
                m_dialog->resize(size);
            }
            m_dialog->showPage(SettingsDialog::Page::Downloads);
            typeInto(child<QLineEdit>(u"settingsTemplate"_s), u"../%(title)s.%(ext)s"_s);
            QTest::qWait(50);
            QVERIFY(m_dialog->grab().save(u"%1/settings-%2-invalid.png"_s.arg(out, variant)));
            m_dialog.reset();
        }
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
