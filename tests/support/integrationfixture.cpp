#include "integrationfixture.h"

#include "mediafixtures.h"

#include <QDir>
#include <QFile>
#include <QUuid>

namespace GravityTest {

bool IntegrationFixture::setUp(QString *error)
{
    m_media = MediaFixtures::fromEnvironment(error);
    if (m_media.isEmpty())
        return false;
    m_server = std::make_unique<LoopbackServer>();
    if (!m_server->start(m_media)) {
        *error = QStringLiteral("the loopback server could not listen");
        return false;
    }
    return m_scratch.isValid();
}

void IntegrationFixture::reset()
{
    m_server->clearFaults();
    m_server->clearResponses();
    m_server->setThrottle(0);
}

QString IntegrationFixture::scratch(const QString &name) const
{
    const QString path =
        QDir(m_scratch.path())
            .filePath(name + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::Id128).left(8));
    QDir().mkpath(path);
    return path;
}

Gravity::EngineConfig IntegrationFixture::config() const
{
    Gravity::EngineConfig config;
    config.infoCacheDir = QDir(m_scratch.path()).filePath(QStringLiteral("info-cache"));
    config.stallTimeoutSec = 60;
    config.probeTimeoutSec = 60;
    return config;
}

QString IntegrationFixture::url(const QString &path) const
{
    return m_server->url(path).toString();
}

QByteArray IntegrationFixture::servedCopyOf(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().replace("{{BASE}}", m_server->baseUrl().toUtf8());
}

} // namespace GravityTest
