#pragma once

#include "downloadqueue.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace GravityTest {

// A request for url into dir with the default options.
[[nodiscard]] Gravity::DownloadRequest requestFor(const QString &url, const QString &dir);

// Runs every request through one queue with config until each has ended (up to two minutes each); the final
// progress of each, in order. whileFirstRuns, if given, is called right after they are queued (to break
// something while the first one runs).
[[nodiscard]] QList<Gravity::DownloadProgress>
runToEnd(const QList<Gravity::DownloadRequest> &requests, const Gravity::EngineConfig &config,
         const std::function<void(Gravity::DownloadQueue &, quint64)> &whileFirstRuns = {});

// Every file under root (hidden ones too), relative to it.
[[nodiscard]] QStringList filesUnder(const QString &root);

} // namespace GravityTest
