// One Gravity per user: a second launch hands its URLs to the first and exits 0, the first hears exactly
// those URLs, a socket left by a crash is taken over, a live instance's is not, and whatever else reaches the
// socket (garbage, too much, bad UTF-8, the wrong JSON, silence, a crowd) is dropped while the next real
// launch still gets through.
//
// Run with "--instance-server NAME" the binary is a first instance that prints what it hears ("listening",
// "activated", "urls [...]"); with "--instance-forward NAME URL…" it is a second launch (NAME "-": the name
// from $GRAVITY_INSTANCE_NAME or the default, as the app does), exiting 0 when the first acknowledged.
// Every test uses a name of its own, so none ever talks to a real Gravity.

#include "instancemessage.h"
#include "singleinstance.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>
#include <vector>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

using namespace Gravity;
using namespace Qt::StringLiterals;

namespace {

constexpr int ChildTimeoutMs = 20000;

void say(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// The first instance, in a process of its own.
int runServer(const QString &name)
{
    SingleInstance instance(name);
    if (!instance.listen()) {
        say("busy");
        return 3;
    }
    QObject::connect(&instance, &SingleInstance::activationRequested, [] { say("activated"); });
    QObject::connect(&instance, &SingleInstance::urlsReceived, [](const QStringList &urls) {
        say("urls " + QJsonDocument(QJsonArray::fromStringList(urls)).toJson(QJsonDocument::Compact));
    });
    say("listening");
    return QCoreApplication::exec();
}

// The second launch, as main() will do it.
int runForward(const QString &name, const QStringList &urls)
{
    SingleInstance instance(name == u"-"_s ? QString() : name);
    return instance.forward(urls) ? 0 : 1;
}

QString uniqueName()
{
    static int counter = 0;
    return u"gravity-test-%1-%2"_s.arg(QCoreApplication::applicationPid()).arg(++counter);
}

// Where the socket file is on Unix, for the tests that look at it.
QString socketPath(const QString &serverName)
{
    return QDir::isAbsolutePath(serverName) ? serverName : QDir(QDir::tempPath()).filePath(serverName);
}

// The URLs of a server child's "urls [...]" line.
QStringList urlsOf(const QByteArray &line)
{
    QStringList urls;
    const QJsonArray array = QJsonDocument::fromJson(line.mid(5)).array();
    for (const QJsonValue &value : array)
        urls << value.toString();
    return urls;
}

// A second launch: starts it and keeps this process's event loop turning (an in-process first instance
// answers from it) until it ends. Its exit code, or -1 when it did not end in time.
int forwardFromAnotherProcess(
    const QString &name, const QStringList &urls,
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess child;
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), QStringList{u"--instance-forward"_s, name} + urls);
    if (!child.waitForStarted(ChildTimeoutMs))
        return -1;
    const QDeadlineTimer deadline(ChildTimeoutMs);
    while (child.state() != QProcess::NotRunning && !deadline.hasExpired())
        QTest::qWait(5);
    if (child.state() != QProcess::NotRunning) {
        child.kill();
        child.waitForFinished();
        return -1;
    }
    return child.exitStatus() == QProcess::NormalExit ? child.exitCode() : -1;
}

// A first instance in a process of its own; killed (and its socket removed) when the test ends.
class ServerProcess
{
public:
    explicit ServerProcess(const QString &name)
        : m_name(name)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QCoreApplication::applicationFilePath(), {u"--instance-server"_s, name});
    }
    ~ServerProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
        QLocalServer::removeServer(SingleInstance(m_name).serverName());
    }
    Q_DISABLE_COPY_MOVE(ServerProcess)

    // SIGKILL, as a crash: nothing cleans up, the socket file stays.
    bool crash()
    {
        m_process.kill();
        return m_process.waitForFinished(ChildTimeoutMs);
    }

    // Blocks (this process serves nothing meanwhile) until the child has printed a line starting with
    // `prefix`; that line, or an empty one on timeout.
    QByteArray waitForLine(const QByteArray &prefix, int timeoutMs = ChildTimeoutMs)
    {
        const QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            m_output += m_process.readAllStandardOutput();
            const QList<QByteArray> lines = m_output.split('\n');
            for (qsizetype i = m_consumed; i + 1 < lines.size(); ++i) {
                if (lines.at(i).startsWith(prefix)) {
                    m_consumed = i + 1;
                    return lines.at(i);
                }
            }
            if (deadline.hasExpired() || !m_process.waitForReadyRead(int(deadline.remainingTime())))
                return {};
        }
    }

    [[nodiscard]] qsizetype countLines(const QByteArray &prefix)
    {
        m_output += m_process.readAllStandardOutput();
        qsizetype count = 0;
        for (const QByteArray &line : m_output.split('\n'))
            count += line.startsWith(prefix) ? 1 : 0;
        return count;
    }

private:
    QString m_name;
    QProcess m_process;
    QByteArray m_output;
    qsizetype m_consumed = 0;
};

// Waits, turning the event loop, for a raw client to be cut off by the in-process server.
bool waitDropped(QLocalSocket &socket, int timeoutMs = 5000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (socket.state() != QLocalSocket::UnconnectedState && !deadline.hasExpired())
        QTest::qWait(5);
    return socket.state() == QLocalSocket::UnconnectedState;
}

} // namespace

class TestSingleInstance final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // The tests choose their names; one from the environment must not leak into the defaults they check.
        qunsetenv("GRAVITY_INSTANCE_NAME");
    }

    void aSecondLaunchHandsItsUrlsToTheFirst_data()
    {
        QTest::addColumn<QStringList>("urls");
        QTest::newRow("one link") << QStringList{u"https://www.youtube.com/watch?v=dQw4w9WgXcQ"_s};
        QTest::newRow("three links keep their order")
            << QStringList{u"https://youtu.be/dQw4w9WgXcQ"_s,
                           u"https://www.bilibili.com/video/BV1xx411c7mD"_s, u"https://b23.tv/abc"_s};
        QTest::newRow("non-ASCII and spaces arrive unchanged")
            << QStringList{u"https://例子.测试/路径?q=值"_s, u"https://a.example/a b"_s};
        QTest::newRow("option-looking and non-http text arrives as text, for the recognizer to refuse")
            << QStringList{u"--exec=touch /tmp/pwned"_s, u"file:///etc/passwd"_s};
    }

    void aSecondLaunchHandsItsUrlsToTheFirst()
    {
        QFETCH(QStringList, urls);
        const QString name = uniqueName();
        ServerProcess first(name);
        QVERIFY(!first.waitForLine("listening").isEmpty());

        QCOMPARE(forwardFromAnotherProcess(name, urls), 0);
        QVERIFY(!first.waitForLine("activated").isEmpty());
        const QByteArray received = first.waitForLine("urls ");
        QVERIFY(!received.isEmpty());
        QCOMPARE(urlsOf(received), urls);
    }

    void aSecondLaunchWithoutUrlsOnlyBringsTheWindowForward()
    {
        const QString name = uniqueName();
        ServerProcess first(name);
        QVERIFY(!first.waitForLine("listening").isEmpty());

        QCOMPARE(forwardFromAnotherProcess(name, {}), 0);
        QVERIFY(!first.waitForLine("activated").isEmpty());
        // A later launch's links are the only ones heard: the first said none.
        QCOMPARE(forwardFromAnotherProcess(name, {u"https://a.example/later"_s}), 0);
        QCOMPARE(urlsOf(first.waitForLine("urls ")), QStringList{u"https://a.example/later"_s});
        QCOMPARE(first.countLines("urls "), 1);
        QCOMPARE(first.countLines("activated"), 2);
    }

    void withNoInstanceForwardFailsPromptly()
    {
        SingleInstance instance(uniqueName());
        QVERIFY(!instance.forward({u"https://a.example/"_s}));
        QVERIFY(!instance.isListening());
        // And the second launch, as a process, says so with its exit code.
        QCOMPARE(forwardFromAnotherProcess(uniqueName(), {u"https://a.example/"_s}), 1);
    }

    void aStaleSocketIsRecovered()
    {
        const QString name = uniqueName();
        ServerProcess crashed(name);
        QVERIFY(!crashed.waitForLine("listening").isEmpty());
        QVERIFY(crashed.crash());

        SingleInstance next(name);
#if defined(Q_OS_UNIX)
        QVERIFY(QFileInfo::exists(socketPath(next.serverName())));
#endif
        // Nobody answers on it: a launch now fails at once rather than hanging…
        QVERIFY(!next.forward({u"https://a.example/"_s}));
        // …and takes the name over.
        QVERIFY(next.listen());
        QSignalSpy received(&next, &SingleInstance::urlsReceived);
        QCOMPARE(forwardFromAnotherProcess(name, {u"https://a.example/after-crash"_s}), 0);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.at(0).at(0).toStringList(), QStringList{u"https://a.example/after-crash"_s});
    }

    // After a crash, launches at the same moment all find the socket stale; one at a time they probe and
    // bind, so exactly one becomes the first instance and every other one sees it.
    void launchesRacingAfterACrashLeaveExactlyOneInstance()
    {
        // A race: four rounds, so a missing lock fails about one run in three here rather than one in five.
        for (int round = 0; round < 4; ++round) {
            const QString name = uniqueName();
            ServerProcess crashed(name);
            QVERIFY(!crashed.waitForLine("listening").isEmpty());
            QVERIFY(crashed.crash());

            std::vector<std::unique_ptr<ServerProcess>> launches;
            for (int i = 0; i < 6; ++i)
                launches.push_back(std::make_unique<ServerProcess>(name));
            int listening = 0;
            for (const auto &launch : launches) {
                const QByteArray first = launch->waitForLine("");
                QVERIFY2(first == "listening" || first == "busy", first.constData());
                listening += first == "listening" ? 1 : 0;
            }
            QCOMPARE(listening, 1);
        }
    }

    void aLiveInstanceIsNotTakenOver()
    {
        const QString name = uniqueName();
        ServerProcess first(name);
        QVERIFY(!first.waitForLine("listening").isEmpty());

        SingleInstance second(name);
        QVERIFY(!second.listen());
        QVERIFY(!second.isListening());
        // The first still owns the name and hears the next launch.
        QCOMPARE(forwardFromAnotherProcess(name, {u"https://a.example/still-first"_s}), 0);
        QCOMPARE(urlsOf(first.waitForLine("urls ")), QStringList{u"https://a.example/still-first"_s});
    }

    void malformedMessagesAreIgnored_data()
    {
        QTest::addColumn<QByteArray>("sent");
        QTest::addColumn<bool>("hangUp");
        const QByteArray huge(2 * MaxInstanceMessageBytes, 'x');
        QTest::newRow("garbage") << QByteArray("GET / HTTP/1.1\r\n\r\n") << false;
        QTest::newRow("garbage, then hang up without a newline") << QByteArray("\x01\x02\x03") << true;
        QTest::newRow("a bare URL") << QByteArray("https://a.example/\n") << false;
        QTest::newRow("invalid UTF-8")
            << QByteArray("{\"gravity\":1,\"urls\":[\"https://a.example/\xff\xfe\"]}\n") << false;
        QTest::newRow("wrong JSON types") << QByteArray("{\"gravity\":1,\"urls\":[1,true,null]}\n") << false;
        QTest::newRow("a newer version")
            << QByteArray("{\"gravity\":2,\"urls\":[\"https://a.example/\"]}\n") << false;
        QTest::newRow("an escaped NUL")
            << QByteArray("{\"gravity\":1,\"urls\":[\"https://a.example/\\u0000\"]}\n") << false;
        QTest::newRow("2 MiB without a newline") << huge << false;
        QTest::newRow("a message padded past 1 MiB, then a newline")
            << QByteArray("{\"gravity\":1,\"urls\":[\"https://a.example/\"]}" +
                          QByteArray(MaxInstanceMessageBytes, ' ') + '\n')
            << false;
        QTest::newRow("half a message, then silence")
            << QByteArray("{\"gravity\":1,\"urls\":[\"https://a.ex") << false;
        QTest::newRow("nothing at all") << QByteArray() << false;
    }

    void malformedMessagesAreIgnored()
    {
        QFETCH(QByteArray, sent);
        QFETCH(bool, hangUp);
        const QString name = uniqueName();
        SingleInstance instance(name);
        QVERIFY(instance.listen());
        QSignalSpy received(&instance, &SingleInstance::urlsReceived);
        QSignalSpy activated(&instance, &SingleInstance::activationRequested);

        QLocalSocket client;
        QByteArray reply;
        connect(&client, &QLocalSocket::readyRead, this, [&] { reply += client.readAll(); });
        client.connectToServer(instance.serverName());
        QVERIFY(client.waitForConnected(5000));
        if (!sent.isEmpty())
            client.write(sent);
        if (hangUp)
            client.disconnectFromServer();
        // The server cuts it off (the silent ones after ClientTimeoutMs) without acknowledging anything.
        QVERIFY(waitDropped(client, SingleInstance::ClientTimeoutMs + 5000));
        QTest::qWait(50);
        QVERIFY(reply.isEmpty());
        QCOMPARE(received.size(), 0);
        QCOMPARE(activated.size(), 0);

        // And the next real launch is heard.
        QCOMPARE(forwardFromAnotherProcess(name, {u"https://a.example/ok"_s}), 0);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.at(0).at(0).toStringList(), QStringList{u"https://a.example/ok"_s});
        QCOMPARE(activated.size(), 1);
    }

    // The server reads as bytes arrive: a client that says nothing does not hold up the one behind it.
    void aSilentClientDoesNotHoldUpTheNext()
    {
        SingleInstance instance(uniqueName());
        QVERIFY(instance.listen());
        QSignalSpy received(&instance, &SingleInstance::urlsReceived);

        QLocalSocket silent;
        silent.connectToServer(instance.serverName());
        QVERIFY(silent.waitForConnected(5000));
        QLocalSocket halfway;
        halfway.connectToServer(instance.serverName());
        QVERIFY(halfway.waitForConnected(5000));
        halfway.write("{\"gravity\":1,\"urls\":[");

        QLocalSocket next;
        next.connectToServer(instance.serverName());
        QVERIFY(next.waitForConnected(5000));
        next.write(QByteArray(encodeInstanceMessage({u"https://a.example/next"_s}) + '\n'));
        QTRY_VERIFY_WITH_TIMEOUT(next.bytesAvailable() > 0, 5000);
        QCOMPARE(next.read(1), QByteArray(1, SingleInstance::Acknowledgement));
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.at(0).at(0).toStringList(), QStringList{u"https://a.example/next"_s});
        QCOMPARE(silent.state(), QLocalSocket::ConnectedState);
        QCOMPARE(halfway.state(), QLocalSocket::ConnectedState);

        // Then both are let go.
        QVERIFY(waitDropped(silent, SingleInstance::ClientTimeoutMs + 5000));
        QVERIFY(waitDropped(halfway, SingleInstance::ClientTimeoutMs + 5000));
        QCOMPARE(received.size(), 1);
    }

    void aCrowdOfSilentClientsIsTurnedAwayThenForgotten()
    {
        const QString name = uniqueName();
        SingleInstance instance(name);
        QVERIFY(instance.listen());
        QSignalSpy received(&instance, &SingleInstance::urlsReceived);

        std::vector<std::unique_ptr<QLocalSocket>> crowd;
        for (int i = 0; i < SingleInstance::MaxClients; ++i) {
            crowd.push_back(std::make_unique<QLocalSocket>());
            crowd.back()->connectToServer(instance.serverName());
            QVERIFY(crowd.back()->waitForConnected(5000));
        }
        QTest::qWait(100); // the server takes them in
        QLocalSocket oneTooMany;
        oneTooMany.connectToServer(instance.serverName());
        QVERIFY(oneTooMany.waitForConnected(5000));
        QVERIFY(waitDropped(oneTooMany, 1000)); // at once, not after ClientTimeoutMs
        for (const auto &socket : crowd)
            QVERIFY(waitDropped(*socket, SingleInstance::ClientTimeoutMs + 5000));

        QCOMPARE(forwardFromAnotherProcess(name, {u"https://a.example/"_s}), 0);
        QCOMPARE(received.size(), 1);
    }

    void theEnvironmentChoosesTheName()
    {
        const QString name = uniqueName();
        SingleInstance instance(name);
        QVERIFY(instance.listen());
        QSignalSpy received(&instance, &SingleInstance::urlsReceived);
        // "-": the child constructs SingleInstance without a name, as main() does.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"GRAVITY_INSTANCE_NAME"_s, name);
        QCOMPARE(forwardFromAnotherProcess(u"-"_s, {u"https://a.example/env"_s}, environment), 0);
        QCOMPARE(received.size(), 1);
    }

    void namesAreOnesOwnAndSafe()
    {
        const QString byDefault = SingleInstance().serverName();
        QVERIFY2(byDefault.section(u'/', -1).startsWith(u"gravity-downloader-"_s), qPrintable(byDefault));
        QCOMPARE(SingleInstance().serverName(), byDefault); // stable, so the second launch finds the first
        QCOMPARE(SingleInstance(u"gravity-test-x"_s).serverName().section(u'/', -1), u"gravity-test-x"_s);
        // A name that could climb out of its directory or is too long is not used.
        QCOMPARE(SingleInstance(u"../../etc/evil"_s).serverName(), byDefault);
        QCOMPARE(SingleInstance(QString(65, u'a')).serverName(), byDefault);
    }

#if defined(Q_OS_UNIX)
    void theSocketAdmitsOnlyTheUserAndGoesWithTheInstance()
    {
        QString path;
        {
            SingleInstance instance(uniqueName());
            QVERIFY(instance.listen());
            path = socketPath(instance.serverName());
            const QFileInfo socket(path);
            QVERIFY(socket.exists());
            QCOMPARE(socket.ownerId(), uint(::getuid()));
            const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                              QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
            QCOMPARE(socket.permissions() & others, QFile::Permissions());
        }
        QVERIFY(!QFileInfo::exists(path));
    }

    void withARuntimeDirectoryTheSocketLivesThere()
    {
        QTemporaryDir runtime; // 0700, like $XDG_RUNTIME_DIR
        QVERIFY(runtime.isValid());
        const QByteArray saved = qgetenv("XDG_RUNTIME_DIR");
        const bool wasSet = qEnvironmentVariableIsSet("XDG_RUNTIME_DIR");
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime.path()));
        const auto restore = qScopeGuard([&] {
            if (wasSet)
                qputenv("XDG_RUNTIME_DIR", saved);
            else
                qunsetenv("XDG_RUNTIME_DIR");
        });

        const QString name = uniqueName();
        SingleInstance instance(name);
        QCOMPARE(instance.serverName(), QDir(runtime.path()).filePath(name));
        QVERIFY(instance.listen());
        QVERIFY(QFileInfo::exists(instance.serverName()));
        QSignalSpy received(&instance, &SingleInstance::urlsReceived);
        QCOMPARE(forwardFromAnotherProcess(name, {u"https://a.example/runtime"_s}), 0);
        QCOMPARE(received.size(), 1);
    }
#endif
};

int main(int argc, char **argv)
{
    if (argc >= 3 && qstrcmp(argv[1], "--instance-server") == 0) {
        QCoreApplication app(argc, argv);
        return runServer(QCoreApplication::arguments().at(2));
    }
    if (argc >= 3 && qstrcmp(argv[1], "--instance-forward") == 0) {
        QCoreApplication app(argc, argv);
        const QStringList arguments = QCoreApplication::arguments();
        return runForward(arguments.at(2), arguments.mid(3));
    }
    QCoreApplication app(argc, argv);
    TestSingleInstance test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_singleinstance.moc"
