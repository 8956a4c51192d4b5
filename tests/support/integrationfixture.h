#pragma once

#include "engineconfig.h"
#include "loopbackserver.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace GravityTest {

// What every integration test starts from: the generated media served on 127.0.0.1, a scratch folder for
// downloads and an engine configuration that keeps Gravity's caches inside it.
class IntegrationFixture
{
public:
    // False (with *error) when the media cannot be made or the server cannot listen.
    bool setUp(QString *error);

    // Between test functions: no faults, no throttle.
    void reset();

    [[nodiscard]] LoopbackServer &server() { return *m_server; }
    [[nodiscard]] QString mediaDir() const { return m_media; }
    [[nodiscard]] QString scratch(const QString &name) const; // a fresh folder under the scratch dir
    [[nodiscard]] Gravity::EngineConfig config() const;
    [[nodiscard]] QString url(const QString &path) const;
    // A file's bytes with "{{BASE}}" made this server's address, as the server does for what it serves: info
    // JSON under tests/data whose format URLs point at the loopback server. Empty when it cannot be read.
    [[nodiscard]] QByteArray servedCopyOf(const QString &path) const;

private:
    std::unique_ptr<LoopbackServer> m_server;
    QString m_media;
    QTemporaryDir m_scratch;
};

} // namespace GravityTest
