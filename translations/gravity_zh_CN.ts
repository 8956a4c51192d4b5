<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Gravity::CommandLine</name>
    <message>
        <location filename="../app/commandline.cpp" line="43"/>
        <source>Gravity Video Downloader: parse and download videos with yt-dlp.

Without --headless it opens the window (and passes any URLs to it).

Exit status: 0 all succeeded; 1 a download failed; 2 bad usage or a rejected URL;
3 yt-dlp or ffmpeg missing; 4 a page or info JSON could not be parsed; 130 interrupted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="51"/>
        <source>Download without a window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="53"/>
        <source>Only parse the URLs and print what was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="55"/>
        <source>Print one JSON object per line, for scripts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="58"/>
        <source>Quality: best, 2160, 1440, 1080, 720, 480, 360 or audio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="59"/>
        <source>quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="61"/>
        <source>An exact yt-dlp format selection, e.g. 137+140.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="62"/>
        <source>selector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="64"/>
        <source>Audio only, converted to mp3, m4a or opus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="65"/>
        <source>format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="68"/>
        <source>Folder to save into (default: the current folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="69"/>
        <source>dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="71"/>
        <source>Video container: mp4, mkv or webm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="72"/>
        <source>container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="74"/>
        <source>Path to the yt-dlp program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="75"/>
        <location filename="../app/commandline.cpp" line="78"/>
        <source>path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="77"/>
        <source>Path to the ffmpeg program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="80"/>
        <source>Downloads at the same time (default 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="81"/>
        <source>n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="84"/>
        <source>Download from a saved yt-dlp info JSON instead of a URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="85"/>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="88"/>
        <source>Links to videos or playlists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="110"/>
        <source>Unknown quality &quot;%1&quot;: use best, 2160, 1440, 1080, 720, 480, 360 or audio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="117"/>
        <source>&quot;%1&quot; is not a format selection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="125"/>
        <source>Unknown audio format &quot;%1&quot;: use mp3, m4a or opus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="135"/>
        <source>Unknown container &quot;%1&quot;: use mp4, mkv or webm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="147"/>
        <source>--jobs takes a number from 1 to 32.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="155"/>
        <source>Nothing to do: give at least one URL or --load-info-json FILE.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gravity::DownloadListModel</name>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="16"/>
        <source>Downloading video %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="17"/>
        <location filename="../ui/downloadlistmodel.cpp" line="33"/>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="20"/>
        <source>Downloading audio %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="21"/>
        <source>Downloading audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="23"/>
        <source>Merging video and audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="25"/>
        <source>Converting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="27"/>
        <source>Adding metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="29"/>
        <source>Finishing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="99"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="101"/>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="103"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="105"/>
        <source>Completed — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="109"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="119"/>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/downloadlistmodel.cpp" line="121"/>
        <source>%n s left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gravity::Error</name>
    <message>
        <location filename="../core/downloaderror.cpp" line="156"/>
        <source>This site or link is not supported by yt-dlp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="158"/>
        <source>This video is unavailable: it may be private or removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="160"/>
        <source>This video needs a login: add cookies in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="162"/>
        <source>This video is not available in your region: try a proxy in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="164"/>
        <source>This is a live stream that has not ended: try again when it is over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="166"/>
        <source>The site could not be reached: check your connection or proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="168"/>
        <source>The server refused the download: try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="170"/>
        <source>The chosen quality is not available: pick another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="172"/>
        <source>The disk is full: free some space and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="174"/>
        <source>The download folder cannot be written: choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="176"/>
        <source>yt-dlp was not found: install it (for example &quot;apt install yt-dlp&quot;) or set its path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="179"/>
        <source>yt-dlp is too old: update it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="181"/>
        <source>ffmpeg was not found: install it (for example &quot;apt install ffmpeg&quot;) or set its path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="184"/>
        <source>The download stopped making progress and was ended: retry it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="186"/>
        <source>yt-dlp stopped unexpectedly: retry the download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="188"/>
        <source>The video information could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="190"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="194"/>
        <source>The download failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gravity::HeadlessRunner</name>
    <message>
        <location filename="../app/headlessrunner.cpp" line="107"/>
        <source>Interrupted: downloads stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="147"/>
        <source>Rejected &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/headlessrunner.cpp" line="160"/>
        <source>Playlist &quot;%1&quot;: %n entries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="167"/>
        <source>Found &quot;%1&quot; (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="170"/>
        <source>  Uploader: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="172"/>
        <source>  Duration: %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="174"/>
        <source>video+audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="175"/>
        <source>video only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="176"/>
        <source>audio only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="210"/>
        <source>Could not parse %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="248"/>
        <source>  ETA %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="282"/>
        <source>Downloading &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="308"/>
        <source>Finished: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="322"/>
        <source>Failed: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gravity::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="81"/>
        <location filename="../ui/mainwindow.cpp" line="161"/>
        <source>Parse</source>
        <translation>解析</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="85"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="88"/>
        <source>Gravity Video Downloader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="92"/>
        <source>Paste a video or playlist link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="93"/>
        <source>Video link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="95"/>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="96"/>
        <source>Paste link from clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="99"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="102"/>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="106"/>
        <source>Downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="114"/>
        <source>Quality:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="161"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="177"/>
        <source>Reading %1 …</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="199"/>
        <source>Playlist of %n videos</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="204"/>
        <source>Best available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="208"/>
        <source>%1p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="210"/>
        <source>Audio only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gravity::Platform</name>
    <message>
        <location filename="../core/platform.cpp" line="30"/>
        <source>Other site</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gravity::UrlRecognizer</name>
    <message>
        <location filename="../core/urlrecognizer.cpp" line="492"/>
        <source>Paste a link to a video or playlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/urlrecognizer.cpp" line="494"/>
        <source>This looks like a command-line option, not a link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/urlrecognizer.cpp" line="497"/>
        <source>Only http:// and https:// links can be downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/urlrecognizer.cpp" line="500"/>
        <source>This link is too long (over 4096 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/urlrecognizer.cpp" line="503"/>
        <source>This is not a web address: the host name has no domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/urlrecognizer.cpp" line="506"/>
        <source>This link contains characters that are not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
