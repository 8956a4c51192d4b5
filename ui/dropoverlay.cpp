#include "dropoverlay.h"

#include "theme.h"
#include "urlrecognizer.h"

#include <QEvent>
#include <QLabel>
#include <QMimeData>
#include <QUrl>
#include <QVBoxLayout>

namespace Gravity {

DropOverlay::DropOverlay(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
{
    setObjectName(QStringLiteral("dropOverlay"));
    setAttribute(Qt::WA_StyledBackground);
    setAttribute(Qt::WA_TransparentForMouseEvents); // the window under it takes the drop
    m_icon->setAlignment(Qt::AlignCenter);
    m_title->setProperty("role", QStringLiteral("title"));
    m_title->setAlignment(Qt::AlignCenter);
    m_detail->setProperty("role", QStringLiteral("secondary"));
    m_detail->setAlignment(Qt::AlignCenter);
    m_detail->setText(tr("Gravity reads the page and shows what you can download."));
    m_detail->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(m_icon);
    layout->addWidget(m_title);
    layout->addWidget(m_detail);
    layout->addStretch();
    hide();
    parent->installEventFilter(this);
}

void DropOverlay::showFor(int count)
{
    // Drawn on each show, so it follows a switch between light and dark.
    m_icon->setPixmap(Theme::icon(QStringLiteral("drop"), Theme::colorsFor(palette()).accent).pixmap(56, 56));
    m_title->setText(count > 1 ? tr("Drop to parse %n links", nullptr, count)
                               : tr("Drop to parse this link"));
    setGeometry(parentWidget()->rect());
    raise();
    show();
}

bool DropOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

QStringList linksFromMimeData(const QMimeData *mime)
{
    QStringList links;
    if (!mime)
        return links;
    if (mime->hasUrls()) {
        for (const QUrl &url : mime->urls()) {
            // Files dragged from a file manager are not pages to parse.
            if (!url.isLocalFile())
                links << url.toString();
        }
    }
    if (links.isEmpty() && mime->hasText()) {
        for (const RecognizedUrl &url : extractUrls(mime->text()))
            links << url.input;
    }
    return links;
}

// A .txt file dropped from a file manager is a list of links to import.
QString linksFileFromMimeData(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".txt"), Qt::CaseInsensitive))
            return url.toLocalFile();
    }
    return {};
}

} // namespace Gravity
