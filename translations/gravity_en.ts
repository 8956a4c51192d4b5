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
        <location filename="../app/headlessrunner.cpp" line="159"/>
        <source>Playlist &quot;%1&quot;: %n entries</source>
        <translation>
            <numerusform>Playlist &quot;%1&quot;: %n entry</numerusform>
            <numerusform>Playlist &quot;%1&quot;: %n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gravity::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="323"/>
        <source>%n links</source>
        <translation>
            <numerusform>%n link</numerusform>
            <numerusform>%n links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="334"/>
        <source>%n link(s) could not be used: %1</source>
        <translation>
            <numerusform>%n link could not be used: %1</numerusform>
            <numerusform>%n links could not be used: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="410"/>
        <source>Download %n video(s)</source>
        <translation>
            <numerusform>Download %n video</numerusform>
            <numerusform>Download %n videos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="445"/>
        <source>Added %n download(s). Paste or drop the next link.</source>
        <translation>
            <numerusform>Added %n download. Paste or drop the next link.</numerusform>
            <numerusform>Added %n downloads. Paste or drop the next link.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="465"/>
        <source>%n active</source>
        <translation>
            <numerusform>%n active</numerusform>
            <numerusform>%n active</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="467"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="469"/>
        <source>%n in the list</source>
        <translation>
            <numerusform>%n in the list</numerusform>
            <numerusform>%n in the list</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gravity::MediaSummary</name>
    <message numerus="yes">
        <location filename="../ui/mediasummary.cpp" line="102"/>
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
</TS>
