#pragma once

class QWidget;

namespace Gravity {

// For the start-up benchmark: when GRAVITY_REPORT_FIRST_PAINT is set, prints "first-paint-ms <epoch ms>" to
// stdout when window first paints, and then (if the variable is "exit") quits. Does nothing otherwise.
void reportFirstPaintIfAsked(QWidget *window);

} // namespace Gravity
