#pragma once

class QComboBox;

namespace Gravity {

// The container and audio-format choices, with the names people read, filled the same way wherever a
// combo box offers them (the options for a video, the defaults in Settings). Item data: containerId() /
// audioFormatId().
void addContainerChoices(QComboBox *box);
void addAudioFormatChoices(QComboBox *box);

} // namespace Gravity
