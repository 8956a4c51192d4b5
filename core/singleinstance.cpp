#include "singleinstance.h"

#include "instancemessage.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QTimer>

#include <algorithm>
#include <limits>

#if defined(Q_OS_UNIX)
#include <QThread>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#else
#include <QLockFile>
#endif

using namespace Qt::StringLiterals;

namespace Gravity {

namespace {

constexpr qsizetype MaxNameLength = 64;
// A socket path must fit sockaddr_un's sun_path (108 bytes on Linux, 104 on macOS, with its NUL).
constexpr qsizetype MaxSocketPathBytes = 100;
// listen() holds the lock for a connect and a bind; this only matters when another user owns the lock file.
constexpr int LockTimeoutMs = 2000;
constexpr int ProbeTimeoutMs = 1000;

bool isValidName(QStringView name)
{
    if (name.isEmpty() || name.size() > MaxNameLength)
        return false;
    return std::all_of(name.begin(), name.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
               u == u'.' || u == u'_' || u == u'-';
    });
}

QString defaultName()
{
#if defined(Q_OS_UNIX)
    const QByteArray user = QByteArray::number(::getuid());
#else
    const QByteArray user =
        (qEnvironmentVariable("USERDOMAIN") + u'\\' + qEnvironmentVariable("USERNAME")).toUtf8();
#endif
    const QByteArray hash = QCryptographicHash::hash(user, QCryptographicHash::Sha256).toHex().left(16);
    return u"gravity-downloader-"_s + QString::fromLatin1(hash);
}

QString chooseName(const QString &requested)
{
    if (isValidName(requested))
        return requested;
    const QString fromEnvironment = qEnvironmentVariable("GRAVITY_INSTANCE_NAME");
    return isValidName(fromEnvironment) ? fromEnvironment : defaultName();
}

// $XDG_RUNTIME_DIR is the user's own (0700), so no other user can plant a socket under our name there, as
// they could in /tmp. Without it (macOS, some ssh sessions) the bare name goes to Qt's temp directory, which
// is per user on macOS; the socket itself admits only the user either way.
QString serverNameFor(const QString &name)
{
#if defined(Q_OS_UNIX)
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    const QFileInfo dir(runtime);
    const bool ownPrivateDir =
        !runtime.isEmpty() && dir.isAbsolute() && dir.isDir() && dir.ownerId() == ::getuid() &&
        (dir.permissions() & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther |
                              QFile::WriteOther | QFile::ExeOther)) == QFile::Permissions();
    if (ownPrivateDir) {
        const QString path = QDir::cleanPath(runtime + u'/' + name);
        if (QFile::encodeName(path).size() <= MaxSocketPathBytes)
            return path;
    }
#endif
    return name;
}

// On Unix the flock() file stays (removing a file others may be waiting on would let two hold "the" lock),
// under a name of its own: an older Gravity's QLockFile at ".lock" would take a file it did not write for
// another's lock and wait out its timeout at every start.
QString lockPathFor(const QString &serverName)
{
#if defined(Q_OS_UNIX)
    const auto suffix = u".flock"_s;
#else
    const auto suffix = u".lock"_s;
#endif
    return (QDir::isAbsolutePath(serverName) ? serverName : QDir::temp().filePath(serverName)) + suffix;
}

#if defined(Q_OS_UNIX)
// listen()'s lock, held for a probe and a bind. An flock() on the lock file: the kernel drops it when the
// holder exits or crashes, so there is no stale lock to detect, and nothing is written. (QLockFile writes the
// holder's pid for stale detection and syncs it to disk: a millisecond of the window's start before its first
// paint.) Without a lock after the timeout, as QLockFile's failure was: the probe still protects a live
// owner.
class LaunchLock
{
public:
    LaunchLock(const QString &path, int timeoutMs)
        : m_fd(::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600))
    {
        const QDeadlineTimer deadline(timeoutMs);
        while (m_fd >= 0 && ::flock(m_fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK &&
               !deadline.hasExpired())
            QThread::msleep(5);
    }
    ~LaunchLock()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Q_DISABLE_COPY_MOVE(LaunchLock)

private:
    int m_fd;
};
#else
class LaunchLock
{
public:
    LaunchLock(const QString &path, int timeoutMs)
        : m_lock(path)
    {
        [[maybe_unused]] const bool locked = m_lock.tryLock(timeoutMs);
    }

private:
    QLockFile m_lock;
};
#endif

int remainingMs(const QDeadlineTimer &deadline)
{
    return int(std::min<qint64>(deadline.remainingTime(), std::numeric_limits<int>::max()));
}

// Someone listens on the name. Refused or absent means a stale socket or none; anything else (a timeout, no
// permission) is left alone rather than taken from a live owner.
bool answers(const QString &serverName)
{
    QLocalSocket probe;
    probe.connectToServer(serverName);
    if (probe.waitForConnected(ProbeTimeoutMs))
        return true;
    const QLocalSocket::LocalSocketError error = probe.error();
    return error != QLocalSocket::ServerNotFoundError && error != QLocalSocket::ConnectionRefusedError;
}

} // namespace

SingleInstance::SingleInstance(const QString &name, QObject *parent)
    : QObject(parent)
    , m_serverName(serverNameFor(chooseName(name)))
{
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptClients);
}

SingleInstance::~SingleInstance()
{
    // The sockets go with m_server, after this body: none of their last signals may reach a half-gone this.
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it)
        it.key()->disconnect(this);
}

bool SingleInstance::forward(const QStringList &urls, int timeoutMs)
{
    const QDeadlineTimer deadline(std::max(timeoutMs, 0));
    QLocalSocket socket;
    socket.connectToServer(m_serverName);
    if (!socket.waitForConnected(remainingMs(deadline)))
        return false;
    QByteArray frame = encodeInstanceMessage(urls);
    frame += '\n';
    if (socket.write(frame) != frame.size())
        return false;
    while (socket.bytesToWrite() > 0) {
        if (!socket.waitForBytesWritten(remainingMs(deadline)))
            return false;
    }
    while (socket.bytesAvailable() < 1) {
        if (!socket.waitForReadyRead(remainingMs(deadline)))
            return false;
    }
    char reply = 0;
    return socket.getChar(&reply) && reply == Acknowledgement;
}

bool SingleInstance::listen()
{
    if (m_server.isListening())
        return true;
    // Two launches after a crash must not both find the socket stale and remove the one the other has just
    // made: one at a time. (With UserAccessOption, Qt binds elsewhere and renames over the name, so listen()
    // alone would even take the name from a live instance: the probe below is what prevents that.)
    const LaunchLock lock(lockPathFor(m_serverName), LockTimeoutMs);
    if (answers(m_serverName))
        return false;
    QLocalServer::removeServer(m_serverName);
    return m_server.listen(m_serverName);
}

void SingleInstance::acceptClients()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        if (m_clients.size() >= MaxClients) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_clients.insert(socket, QByteArray());
        auto *timer = new QTimer(socket);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, socket] { dropClient(socket); });
        timer->start(ClientTimeoutMs);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readClient(socket); });
        connect(socket, &QLocalSocket::disconnected, this, [this, socket] {
            readClient(socket); // a message may have come with the hang-up
            dropClient(socket);
        });
        readClient(socket);
    }
}

void SingleInstance::readClient(QLocalSocket *socket)
{
    const auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    QByteArray &received = it.value();
    const qsizetype scanned = received.size();
    // Never more than a message and its '\n': one byte past that and the client is dropped.
    const qint64 room = MaxInstanceMessageBytes + 1 - received.size();
    received += socket->read(std::min(socket->bytesAvailable(), room));
    const qsizetype end = received.indexOf('\n', scanned);
    if (end < 0) {
        if (received.size() > MaxInstanceMessageBytes)
            dropClient(socket);
        return;
    }
    const std::optional<QStringList> urls = decodeInstanceMessage(QByteArrayView(received).first(end));
    if (!urls) {
        dropClient(socket);
        return;
    }
    m_clients.erase(it);
    socket->disconnect(this);
    if (socket->state() == QLocalSocket::ConnectedState) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        socket->write(&Acknowledgement, 1);
        socket->disconnectFromServer();
    } else {
        socket->deleteLater();
    }
    emit activationRequested();
    if (!urls->isEmpty())
        emit urlsReceived(*urls);
}

void SingleInstance::dropClient(QLocalSocket *socket)
{
    if (!m_clients.remove(socket))
        return;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

} // namespace Gravity
