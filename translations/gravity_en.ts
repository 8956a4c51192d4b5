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
        <location filename="../app/headlessrunner.cpp" line="133"/>
        <source>Only the first %n link(s) of the file were read.</source>
        <translation>
            <numerusform>Only the first link of the file was read.</numerusform>
            <numerusform>Only the first %n links of the file were read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/headlessrunner.cpp" line="213"/>
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
        <location filename="../ui/historypage.cpp" line="712"/>
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
        <location filename="../ui/mainwindow.cpp" line="241"/>
        <source>The download history was damaged. %n entries were recovered; the damaged file was kept as %1.</source>
        <translation>
            <numerusform>The download history was damaged. %n entry was recovered; the damaged file was kept as %1.</numerusform>
            <numerusform>The download history was damaged. %n entries were recovered; the damaged file was kept as %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="273"/>
        <source>The list of unfinished downloads was damaged. %n download(s) were restored; the damaged file was kept as %1.</source>
        <translation>
            <numerusform>The list of unfinished downloads was damaged. %n download was restored; the damaged file was kept as %1.</numerusform>
            <numerusform>The list of unfinished downloads was damaged. %n downloads were restored; the damaged file was kept as %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowparse.cpp" line="51"/>
        <source>%n links</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowparse.cpp" line="62"/>
        <source>%n link(s) could not be used: %1</source>
        <translation>
            <numerusform>%n link could not be used: %1</numerusform>
            <numerusform>%n links could not be used: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowparse.cpp" line="179"/>
        <source>Download %n video(s)</source>
        <translation>
            <numerusform>Download %n video</numerusform>
            <numerusform>Download %n videos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowparse.cpp" line="219"/>
        <source>Added %n download(s). Paste or drop the next link.</source>
        <translation>
            <numerusform>Added %n download. Paste or drop the next link.</numerusform>
            <numerusform>Added %n downloads. Paste or drop the next link.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="480"/>
        <source>%n active</source>
        <translation>
            <numerusform>%n active</numerusform>
            <numerusform>%n active</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="482"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="484"/>
        <source>%n in the list</source>
        <translation>
            <numerusform>%n in the list</numerusform>
            <numerusform>%n in the list</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="604"/>
        <source>%n download(s) are running. Quit anyway?</source>
        <translation>
            <numerusform>%n download is running. Quit anyway?</numerusform>
            <numerusform>%n downloads are running. Quit anyway?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowimport.cpp" line="31"/>
        <source>%n link(s) from %1 are being read and downloaded.</source>
        <translation>
            <numerusform>%n link from %1 is being read and downloaded.</numerusform>
            <numerusform>%n links from %1 are being read and downloaded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowimport.cpp" line="33"/>
        <source>Only the first %n link(s) of the file were read.</source>
        <translation>
            <numerusform>Only the first link of the file was read.</numerusform>
            <numerusform>Only the first %n links of the file were read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowimport.cpp" line="36"/>
        <source>%n line(s) were rejected:</source>
        <translation>
            <numerusform>%n line was rejected:</numerusform>
            <numerusform>%n lines were rejected:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowimport.cpp" line="42"/>
        <source>…and %n more.</source>
        <translation>
            <numerusform>…and %n more.</numerusform>
            <numerusform>…and %n more.</numerusform>
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
        <location filename="../ui/settingstoolspage.cpp" line="45"/>
        <location filename="../ui/settingstoolspage.cpp" line="47"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/settingstoolspage.cpp" line="49"/>
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
        <location filename="../ui/traymonitor.cpp" line="220"/>
        <source>%n download(s) running, %1 done</source>
        <translation>
            <numerusform>%n download running, %1 done</numerusform>
            <numerusform>%n downloads running, %1 done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="221"/>
        <source>%n download(s) running</source>
        <translation>
            <numerusform>%n download running</numerusform>
            <numerusform>%n downloads running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="230"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="232"/>
        <source>%n paused</source>
        <translation>
            <numerusform>%n paused</numerusform>
            <numerusform>%n paused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="234"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="325"/>
        <source>%n more running…</source>
        <translation>
            <numerusform>%n more running…</numerusform>
            <numerusform>%n more running…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="404"/>
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="419"/>
        <source>%n download(s) finished</source>
        <translation>
            <numerusform>%n download finished</numerusform>
            <numerusform>%n downloads finished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="426"/>
        <source>%n download(s) failed</source>
        <translation>
            <numerusform>%n download failed</numerusform>
            <numerusform>%n downloads failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="427"/>
        <source>%n finished, %1 failed</source>
        <comment>downloads; %1 is how many failed</comment>
        <translation>
            <numerusform>%n finished, %1 failed</numerusform>
            <numerusform>%n finished, %1 failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gravity::YtDlpAge</name>
    <message numerus="yes">
        <location filename="../core/ytdlpversion.cpp" line="54"/>
        <source>yt-dlp %1 is %n year(s) old; sites change often and old versions stop working. Update it.</source>
        <translation>
            <numerusform>yt-dlp %1 is %n year old; sites change often and old versions stop working. Update it.</numerusform>
            <numerusform>yt-dlp %1 is %n years old; sites change often and old versions stop working. Update it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../core/ytdlpversion.cpp" line="59"/>
        <source>yt-dlp %1 is %n month(s) old; sites change often and old versions stop working. Update it.</source>
        <translation>
            <numerusform>yt-dlp %1 is %n month old; sites change often and old versions stop working. Update it.</numerusform>
            <numerusform>yt-dlp %1 is %n months old; sites change often and old versions stop working. Update it.</numerusform>
        </translation>
    </message>
</context>
</TS>
