#include "confirmation.h"

#include <QMessageBox>
#include <QPushButton>

namespace Gravity {

bool askWithMessageBox(QWidget *parent, const Confirmation &question)
{
    QMessageBox box(QMessageBox::Warning, question.title, question.text, QMessageBox::Cancel, parent);
    box.setObjectName(QStringLiteral("confirmation"));
    box.setInformativeText(question.informativeText);
    QPushButton *accept = box.addButton(question.acceptText, QMessageBox::DestructiveRole);
    accept->setObjectName(QStringLiteral("confirmationAccept"));
    box.setDefaultButton(QMessageBox::Cancel);
    box.setEscapeButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == accept;
}

} // namespace Gravity
