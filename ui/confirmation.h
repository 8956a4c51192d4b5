#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace Gravity {

// A question asked before something that cannot be undone (deleting a file, clearing the history, quitting
// with downloads running).
struct Confirmation
{
    QString title;
    QString text;
    QString informativeText;
    QString acceptText; // the button that goes ahead ("Delete file", "Quit"); the other one cancels
};

// True to go ahead. Widgets that ask take one of these, so tests can answer without a modal loop.
using ConfirmFunction = std::function<bool(QWidget *parent, const Confirmation &question)>;

// Asks with a modal warning box (objectName "confirmation", its go-ahead button "confirmationAccept").
// Enter and Escape both keep things as they are: going ahead takes a deliberate click or Tab.
[[nodiscard]] bool askWithMessageBox(QWidget *parent, const Confirmation &question);

} // namespace Gravity
