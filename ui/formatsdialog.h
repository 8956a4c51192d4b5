#pragma once

#include "formattablemodel.h"
#include "mediainfo.h"

#include <QDialog>
#include <QList>
#include <QString>

class QButtonGroup;
class QDialogButtonBox;
class QLabel;
class QTableView;

namespace Gravity {

// The "Advanced" formats table: every format of a video, filterable and sortable, for picking exact ids.
// A click, Space or Enter on a row chooses it: a row with video becomes the video, an audio-only row the
// audio; choosing a chosen row again unchooses it. The choice is kept by id, so it survives filtering and
// sorting, and the chosen rows are shown selected.
class FormatsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormatsDialog)

public:
    explicit FormatsDialog(QWidget *parent = nullptr);

    // Keeps the current choice where its ids are still listed.
    void setFormats(const QList<MediaFormat> &formats);
    // "137+140", "18", "140", or empty when nothing is chosen.
    [[nodiscard]] QString formatSpec() const;
    // Preselects the formats of "video+audio", "video" or "audio" (ids among the formats set before);
    // anything else (fallbacks, selectors such as "bv*") clears the choice.
    void setFormatSpec(const QString &spec);

    [[nodiscard]] QString chosenVideoId() const { return m_videoId; }
    [[nodiscard]] QString chosenAudioId() const { return m_audioId; }

signals:
    void formatSpecChanged(const QString &spec);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setKind(FormatFilterProxyModel::Kind kind);
    void chooseRow(const QModelIndex &proxyIndex);
    void setChoice(const QString &videoId, const QString &audioId);
    void showChoice();

    FormatTableModel *m_model;
    FormatFilterProxyModel *m_proxy;
    QButtonGroup *m_filters;
    QTableView *m_table;
    QLabel *m_summary;
    QDialogButtonBox *m_buttons;
    QString m_videoId; // a format with video (video only or combined), or empty
    QString m_audioId; // an audio-only format, or empty
};

} // namespace Gravity
