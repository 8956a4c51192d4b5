#include "choicenames.h"

#include "formatselector.h"

#include <QComboBox>
#include <QCoreApplication>

namespace Gravity {

void addContainerChoices(QComboBox *box)
{
    box->addItem(QCoreApplication::translate("Gravity::ChoiceNames", "Automatic"),
                 containerId(Container::Auto));
    box->addItem(QCoreApplication::translate("Gravity::ChoiceNames", "MP4"), containerId(Container::Mp4));
    box->addItem(QCoreApplication::translate("Gravity::ChoiceNames", "MKV"), containerId(Container::Mkv));
    box->addItem(QCoreApplication::translate("Gravity::ChoiceNames", "WebM"), containerId(Container::Webm));
}

void addAudioFormatChoices(QComboBox *box)
{
    box->addItem(QCoreApplication::translate("Gravity::ChoiceNames", "Original (no conversion)"),
                 audioFormatId(AudioFormat::None));
    box->addItem(QCoreApplication::translate("Gravity::ChoiceNames", "MP3"), audioFormatId(AudioFormat::Mp3));
    box->addItem(QCoreApplication::translate("Gravity::ChoiceNames", "M4A"), audioFormatId(AudioFormat::M4a));
    box->addItem(QCoreApplication::translate("Gravity::ChoiceNames", "Opus"),
                 audioFormatId(AudioFormat::Opus));
}

} // namespace Gravity
