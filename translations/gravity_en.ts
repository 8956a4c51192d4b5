<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Gravity::DisplayText</name>
    <message numerus="yes">
        <location filename="../ui/displaytext.cpp" line="29"/>
        <source>%n s left</source>
        <translation>
            <numerusform>%n s left</numerusform>
            <numerusform>%n s left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/displaytext.cpp" line="32"/>
        <source>%n min left</source>
        <translation>
            <numerusform>%n min left</numerusform>
            <numerusform>%n min left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gravity::DropOverlay</name>
    <message numerus="yes">
        <location filename="../ui/dropoverlay.cpp" line="44"/>
        <source>Drop to parse %n links</source>
        <translation>
            <numerusform>Drop to parse %n link</numerusform>
            <numerusform>Drop to parse %n links</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gravity::HeadlessRunner</name>
    <message numerus="yes">
        <location filename="../app/headlessrunner.cpp" line="165"/>
        <source>Playlist &quot;%1&quot;: %n entries</source>
        <translation>
            <numerusform>Playlist &quot;%1&quot;: %n entry</numerusform>
            <numerusform>Playlist &quot;%1&quot;: %n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gravity::HistoryAction</name>
    <message numerus="yes">
        <location filename="../ui/historyactions.cpp" line="41"/>
        <source>Download %n again</source>
        <translation>
            <numerusform>Download %n again</numerusform>
            <numerusform>Download %n again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/historyactions.cpp" line="49"/>
        <source>Copy %n links</source>
        <translation>
            <numerusform>Copy %n link</numerusform>
            <numerusform>Copy %n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/historyactions.cpp" line="52"/>
        <source>Remove %n from history</source>
        <translation>
            <numerusform>Remove %n from history</numerusform>
            <numerusform>Remove %n from history</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/historyactions.cpp" line="113"/>
        <source>%n links copied</source>
        <translation>
            <numerusform>%n link copied</numerusform>
            <numerusform>%n links copied</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gravity::HistoryPage</name>
    <message numerus="yes">
        <location filename="../ui/historypage.cpp" line="146"/>
        <source>The history file was damaged. %Ln downloads could be read and were kept; the damaged file was set aside as
%1</source>
        <translation>
            <numerusform>The history file was damaged. %Ln download could be read and was kept; the damaged file was set aside as
%1</numerusform>
            <numerusform>The history file was damaged. %Ln downloads could be read and were kept; the damaged file was set aside as
%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/historypage.cpp" line="345"/>
        <source>%Ln downloads</source>
        <translation>
            <numerusform>%Ln download</numerusform>
            <numerusform>%Ln downloads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/historypage.cpp" line="347"/>
        <source>%1 of %Ln shown</source>
        <translation>
            <numerusform>%1 of %Ln shown</numerusform>
            <numerusform>%1 of %Ln shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/historypage.cpp" line="488"/>
        <source>Remove %n downloads from the history?</source>
        <translation>
            <numerusform>Remove %n download from the history?</numerusform>
            <numerusform>Remove %n downloads from the history?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/historypage.cpp" line="494"/>
        <source>Removed %n downloads from the history</source>
        <translation>
            <numerusform>Removed %n download from the history</numerusform>
            <numerusform>Removed %n downloads from the history</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/historypage.cpp" line="563"/>
        <source>Remove all %Ln downloads from the history?</source>
        <translation>
            <numerusform>Remove the %Ln download from the history?</numerusform>
            <numerusform>Remove all %Ln downloads from the history?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/historypage.cpp" line="710"/>
        <source>Exported %Ln downloads to %1</source>
        <translation>
            <numerusform>Exported %Ln download to %1</numerusform>
            <numerusform>Exported %Ln downloads to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gravity::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="207"/>
        <source>The download history was damaged. %n entries were recovered; the damaged file was kept as %1.</source>
        <translation>
            <numerusform>The download history was damaged. %n entry was recovered; the damaged file was kept as %1.</numerusform>
            <numerusform>The download history was damaged. %n entries were recovered; the damaged file was kept as %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="227"/>
        <source>The list of unfinished downloads was damaged. %n download(s) were restored; the damaged file was kept as %1.</source>
        <translation>
            <numerusform>The list of unfinished downloads was damaged. %n download was restored; the damaged file was kept as %1.</numerusform>
            <numerusform>The list of unfinished downloads was damaged. %n downloads were restored; the damaged file was kept as %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="407"/>
        <source>%n links</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="418"/>
        <source>%n link(s) could not be used: %1</source>
        <translation>
            <numerusform>%n link could not be used: %1</numerusform>
            <numerusform>%n links could not be used: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="500"/>
        <source>Download %n video(s)</source>
        <translation>
            <numerusform>Download %n video</numerusform>
            <numerusform>Download %n videos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="542"/>
        <source>Added %n download(s). Paste or drop the next link.</source>
        <translation>
            <numerusform>Added %n download. Paste or drop the next link.</numerusform>
            <numerusform>Added %n downloads. Paste or drop the next link.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="562"/>
        <source>%n active</source>
        <translation>
            <numerusform>%n active</numerusform>
            <numerusform>%n active</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="564"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="566"/>
        <source>%n in the list</source>
        <translation>
            <numerusform>%n in the list</numerusform>
            <numerusform>%n in the list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="676"/>
        <source>%n download(s) are running. Quit anyway?</source>
        <translation>
            <numerusform>%n download is running. Quit anyway?</numerusform>
            <numerusform>%n downloads are running. Quit anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gravity::MediaSummary</name>
    <message numerus="yes">
        <location filename="../ui/mediasummary.cpp" line="101"/>
        <source>%n videos</source>
        <translation>
            <numerusform>%n video</numerusform>
            <numerusform>%n videos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gravity::PlaylistPanel</name>
    <message numerus="yes">
        <location filename="../ui/playlistpanel.cpp" line="63"/>
        <source>%1 of %n selected</source>
        <translation>
            <numerusform>%1 of %n selected</numerusform>
            <numerusform>%1 of %n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gravity::SettingsDownloadsPage</name>
    <message numerus="yes">
        <location filename="../ui/settingsdownloadspage.cpp" line="43"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gravity::SettingsToolsPage</name>
    <message numerus="yes">
        <location filename="../ui/settingstoolspage.cpp" line="41"/>
        <location filename="../ui/settingstoolspage.cpp" line="43"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/settingstoolspage.cpp" line="45"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gravity::TrayMonitor</name>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="219"/>
        <source>%n download(s) running, %1 done</source>
        <translation>
            <numerusform>%n download running, %1 done</numerusform>
            <numerusform>%n downloads running, %1 done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="220"/>
        <source>%n download(s) running</source>
        <translation>
            <numerusform>%n download running</numerusform>
            <numerusform>%n downloads running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="229"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="231"/>
        <source>%n paused</source>
        <translation>
            <numerusform>%n paused</numerusform>
            <numerusform>%n paused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="233"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="324"/>
        <source>%n more running…</source>
        <translation>
            <numerusform>%n more running…</numerusform>
            <numerusform>%n more running…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="403"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="418"/>
        <source>%n download(s) finished</source>
        <translation>
            <numerusform>%n download finished</numerusform>
            <numerusform>%n downloads finished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="425"/>
        <source>%n download(s) failed</source>
        <translation>
            <numerusform>%n download failed</numerusform>
            <numerusform>%n downloads failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="426"/>
        <source>%n finished, %1 failed</source>
        <comment>downloads; %1 is how many failed</comment>
        <translation>
            <numerusform>%n finished, %1 failed</numerusform>
            <numerusform>%n finished, %1 failed</numerusform>
        </translation>
    </message>
</context>
</TS>
