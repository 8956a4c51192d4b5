#pragma once

#include <QWidget>

class QLabel;
class QMimeData;

namespace Gravity {

// The tint and the "drop to parse" sign over the whole window while a link is dragged over it. It only shows;
// the window receives the drop.
class DropOverlay final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DropOverlay)

public:
    explicit DropOverlay(QWidget *parent);

    // Shown over the parent's whole area; count is how many links the drag carries.
    void showFor(int count);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_detail;
};

// The links a drag or a paste carries: text/uri-list first (browsers put the link there), else the text.
[[nodiscard]] QStringList linksFromMimeData(const QMimeData *mime);
// The first .txt file among dropped files (a list of links to import), or empty.
[[nodiscard]] QString linksFileFromMimeData(const QMimeData *mime);

} // namespace Gravity
