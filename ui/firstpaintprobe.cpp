#include "firstpaintprobe.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace Gravity {

namespace {

class FirstPaintFilter final : public QObject
{
public:
    FirstPaintFilter(QWidget *window, bool exitAfter)
        : QObject(window)
        , m_exitAfter(exitAfter)
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            std::printf("first-paint-ms %lld\n", static_cast<long long>(QDateTime::currentMSecsSinceEpoch()));
            std::fflush(stdout);
            watched->removeEventFilter(this);
            if (m_exitAfter)
                QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return false;
    }

private:
    bool m_exitAfter;
};

} // namespace

void reportFirstPaintIfAsked(QWidget *window)
{
    const QByteArray mode = qgetenv("GRAVITY_REPORT_FIRST_PAINT");
    if (mode.isEmpty())
        return;
    window->installEventFilter(new FirstPaintFilter(window, mode == "exit"));
}

} // namespace Gravity
