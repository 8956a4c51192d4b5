#pragma once

#include <QByteArray>
#include <QHash>
#include <QLocalServer>
#include <QObject>
#include <QStringList>

class QLocalSocket;

namespace Gravity {

// One Gravity window per user. A second launch forward()s its URLs to the running one and exits; the first
// launch listen()s and hears urlsReceived()/activationRequested(). --headless never takes part.
//
// The channel is a QLocalServer only the user can connect to, named per user: on Unix a socket in
// $XDG_RUNTIME_DIR (a directory only the user can enter) when there is one, else in the temp directory. A
// forward is one connection: the client writes one message (instancemessage.h) ended by '\n' and waits for
// one acknowledgement byte, which the server sends once the message has been validated. The server never
// blocks: it reads as bytes arrive and drops a client that sends more than a message may hold, a malformed
// message, or nothing within ClientTimeoutMs.
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)

public:
    static constexpr int DefaultForwardTimeoutMs = 5000;
    static constexpr int ClientTimeoutMs = 2000;
    static constexpr int MaxClients = 16; // connections being read at once; more are turned away
    static constexpr char Acknowledgement = '\x06';

    // `name` (letters, digits, '.', '_', '-'; at most 64) chooses the channel; empty: $GRAVITY_INSTANCE_NAME
    // when set and valid (tests, a second profile), else "gravity-downloader-" and a hash of the user.
    explicit SingleInstance(const QString &name = {}, QObject *parent = nullptr);
    ~SingleInstance() override;

    // The name given to QLocalServer/QLocalSocket: an absolute socket path, or a bare name that Qt places in
    // the temp directory (Unix) or the pipe namespace (Windows).
    [[nodiscard]] QString serverName() const { return m_serverName; }
    [[nodiscard]] bool isListening() const { return m_server.isListening(); }

    // Client: hands `urls` (none: "come to the front") to the running instance. True only when it
    // acknowledged them within timeoutMs; false at once when nothing listens or the socket is stale.
    [[nodiscard]] bool forward(const QStringList &urls, int timeoutMs = DefaultForwardTimeoutMs);

    // Server: takes the name. A socket left by a crashed instance (nobody answers on it) is removed first; a
    // live instance's is left alone and this returns false (it started meanwhile: forward() to it).
    bool listen();

signals:
    // Every valid message, before urlsReceived(): bring the window to the front.
    void activationRequested();
    // A valid message with at least one URL; the strings as sent, still to go through the URL recognizer.
    void urlsReceived(const QStringList &urls);

private:
    void acceptClients();
    void readClient(QLocalSocket *socket);
    void dropClient(QLocalSocket *socket);

    QString m_serverName;
    QLocalServer m_server;
    QHash<QLocalSocket *, QByteArray> m_clients; // what each has sent so far, up to one '\n'
};

} // namespace Gravity
