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
        <translation>Gravity 视频下载器：使用 yt-dlp 解析并下载视频。

不带 --headless 时会打开窗口（并把给出的 URL 传给窗口）。

退出状态：0 全部成功；1 有下载失败；2 用法错误或 URL 被拒绝；
3 缺少 yt-dlp 或 ffmpeg；4 无法解析页面或 info JSON；130 被中断。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="51"/>
        <source>Download without a window.</source>
        <translation>不打开窗口，直接下载。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="53"/>
        <source>Only parse the URLs and print what was found.</source>
        <translation>仅解析 URL 并输出解析结果。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="55"/>
        <source>Print one JSON object per line, for scripts.</source>
        <translation>每行输出一个 JSON 对象，便于脚本处理。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="58"/>
        <source>Quality: best, 2160, 1440, 1080, 720, 480, 360 or audio.</source>
        <translation>画质：best、2160、1440、1080、720、480、360 或 audio。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="59"/>
        <source>quality</source>
        <translation>画质</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="61"/>
        <source>An exact yt-dlp format selection, e.g. 137+140.</source>
        <translation>精确的 yt-dlp 格式选择，例如 137+140。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="62"/>
        <source>selector</source>
        <translation>选择器</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="64"/>
        <source>Audio only, converted to mp3, m4a or opus.</source>
        <translation>仅音频，转换为 mp3、m4a 或 opus。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="65"/>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="68"/>
        <source>Folder to save into (default: the current folder).</source>
        <translation>保存到的文件夹（默认：当前文件夹）。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="69"/>
        <source>dir</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="71"/>
        <source>Video container: mp4, mkv or webm.</source>
        <translation>视频封装格式：mp4、mkv 或 webm。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="72"/>
        <source>container</source>
        <translation>封装格式</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="74"/>
        <source>Path to the yt-dlp program.</source>
        <translation>yt-dlp 程序的路径。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="75"/>
        <location filename="../app/commandline.cpp" line="78"/>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="77"/>
        <source>Path to the ffmpeg program.</source>
        <translation>ffmpeg 程序的路径。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="80"/>
        <source>Downloads at the same time (default 3).</source>
        <translation>同时进行的下载数（默认 3）。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="81"/>
        <source>n</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="84"/>
        <source>Download from a saved yt-dlp info JSON instead of a URL.</source>
        <translation>从已保存的 yt-dlp info JSON 下载，而不是从 URL 下载。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="85"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="88"/>
        <source>Links to videos or playlists.</source>
        <translation>视频或播放列表的链接。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="110"/>
        <source>Unknown quality &quot;%1&quot;: use best, 2160, 1440, 1080, 720, 480, 360 or audio.</source>
        <translation>未知画质 &quot;%1&quot;：请使用 best、2160、1440、1080、720、480、360 或 audio。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="117"/>
        <source>&quot;%1&quot; is not a format selection.</source>
        <translation>&quot;%1&quot; 不是有效的格式选择。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="125"/>
        <source>Unknown audio format &quot;%1&quot;: use mp3, m4a or opus.</source>
        <translation>未知音频格式 &quot;%1&quot;：请使用 mp3、m4a 或 opus。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="135"/>
        <source>Unknown container &quot;%1&quot;: use mp4, mkv or webm.</source>
        <translation>未知封装格式 &quot;%1&quot;：请使用 mp4、mkv 或 webm。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="147"/>
        <source>--jobs takes a number from 1 to 32.</source>
        <translation>--jobs 的取值必须是 1 到 32 之间的数字。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="155"/>
        <source>Nothing to do: give at least one URL or --load-info-json FILE.</source>
        <translation>没有可执行的任务：请至少提供一个 URL，或用 --load-info-json 指定文件。</translation>
    </message>
</context>
<context>
    <name>Gravity::DownloadListModel</name>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="16"/>
        <source>Downloading video %1/%2</source>
        <translation>正在下载视频 %1/%2</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="17"/>
        <location filename="../ui/downloadlistmodel.cpp" line="33"/>
        <source>Downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="20"/>
        <source>Downloading audio %1/%2</source>
        <translation>正在下载音频 %1/%2</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="21"/>
        <source>Downloading audio</source>
        <translation>正在下载音频</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="23"/>
        <source>Merging video and audio</source>
        <translation>正在合并视频和音频</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="25"/>
        <source>Converting</source>
        <translation>正在转换</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="27"/>
        <source>Adding metadata</source>
        <translation>正在添加元数据</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="29"/>
        <source>Finishing</source>
        <translation>正在收尾</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="99"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="101"/>
        <source>Starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="103"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="105"/>
        <source>Completed — %1</source>
        <translation>已完成 — %1</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="109"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="119"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/downloadlistmodel.cpp" line="121"/>
        <source>%n s left</source>
        <translation>
            <numerusform>剩余 %n 秒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gravity::Error</name>
    <message>
        <location filename="../core/downloaderror.cpp" line="156"/>
        <source>This site or link is not supported by yt-dlp.</source>
        <translation>yt-dlp 不支持此网站或链接。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="158"/>
        <source>This video is unavailable: it may be private or removed.</source>
        <translation>此视频不可用：可能已设为私密或已被删除。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="160"/>
        <source>This video needs a login: add cookies in Settings.</source>
        <translation>此视频需要登录：请在设置中添加 Cookie。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="162"/>
        <source>This video is not available in your region: try a proxy in Settings.</source>
        <translation>此视频在你所在的地区不可用：请尝试在设置中使用代理。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="164"/>
        <source>This is a live stream that has not ended: try again when it is over.</source>
        <translation>这是一场尚未结束的直播：请在直播结束后重试。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="166"/>
        <source>The site could not be reached: check your connection or proxy.</source>
        <translation>无法访问该网站：请检查网络连接或代理。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="168"/>
        <source>The server refused the download: try again later.</source>
        <translation>服务器拒绝了下载：请稍后重试。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="170"/>
        <source>The chosen quality is not available: pick another one.</source>
        <translation>所选画质不可用：请选择其他画质。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="172"/>
        <source>The disk is full: free some space and retry.</source>
        <translation>磁盘已满：请释放一些空间后重试。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="174"/>
        <source>The download folder cannot be written: choose another folder.</source>
        <translation>无法写入下载文件夹：请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="176"/>
        <source>yt-dlp was not found: install it (for example &quot;apt install yt-dlp&quot;) or set its path.</source>
        <translation>未找到 yt-dlp：请安装（例如 &quot;apt install yt-dlp&quot;）或设置其路径。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="179"/>
        <source>yt-dlp is too old: update it and try again.</source>
        <translation>yt-dlp 版本过旧：请更新后重试。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="181"/>
        <source>ffmpeg was not found: install it (for example &quot;apt install ffmpeg&quot;) or set its path.</source>
        <translation>未找到 ffmpeg：请安装（例如 &quot;apt install ffmpeg&quot;）或设置其路径。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="184"/>
        <source>The download stopped making progress and was ended: retry it.</source>
        <translation>下载长时间没有进展，已被终止：请重试。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="186"/>
        <source>yt-dlp stopped unexpectedly: retry the download.</source>
        <translation>yt-dlp 意外退出：请重新下载。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="188"/>
        <source>The video information could not be read.</source>
        <translation>无法读取视频信息。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="190"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="194"/>
        <source>The download failed.</source>
        <translation>下载失败。</translation>
    </message>
</context>
<context>
    <name>Gravity::HeadlessRunner</name>
    <message>
        <location filename="../app/headlessrunner.cpp" line="107"/>
        <source>Interrupted: downloads stopped.</source>
        <translation>已中断：下载已停止。</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="147"/>
        <source>Rejected &quot;%1&quot;: %2</source>
        <translation>已拒绝 &quot;%1&quot;：%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/headlessrunner.cpp" line="160"/>
        <source>Playlist &quot;%1&quot;: %n entries</source>
        <translation>
            <numerusform>播放列表 &quot;%1&quot;：共 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="167"/>
        <source>Found &quot;%1&quot; (%2)</source>
        <translation>找到 &quot;%1&quot;（%2）</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="170"/>
        <source>  Uploader: %1</source>
        <translation>  上传者：%1</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="172"/>
        <source>  Duration: %1 s</source>
        <translation>  时长：%1 秒</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="174"/>
        <source>video+audio</source>
        <translation>视频+音频</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="175"/>
        <source>video only</source>
        <translation>仅视频</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="176"/>
        <source>audio only</source>
        <translation>仅音频</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="210"/>
        <source>Could not parse %1: %2</source>
        <translation>无法解析 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="248"/>
        <source>  ETA %1 s</source>
        <translation>  剩余时间 %1 秒</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="282"/>
        <source>Downloading &quot;%1&quot;</source>
        <translation>正在下载 &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="308"/>
        <source>Finished: %1 (%2)</source>
        <translation>已完成：%1（%2）</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="322"/>
        <source>Failed: %1: %2</source>
        <translation>失败：%1：%2</translation>
    </message>
</context>
<context>
    <name>Gravity::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="81"/>
        <location filename="../ui/mainwindow.cpp" line="165"/>
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
        <translation>Gravity 视频下载器</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="92"/>
        <source>Paste a video or playlist link</source>
        <translation>粘贴视频或播放列表链接</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="93"/>
        <source>Video link</source>
        <translation>视频链接</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="95"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="96"/>
        <source>Paste link from clipboard</source>
        <translation>从剪贴板粘贴链接</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="99"/>
        <source>Message</source>
        <translation>提示信息</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="102"/>
        <source>Quality</source>
        <translation>画质</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="106"/>
        <source>Downloads</source>
        <translation>下载列表</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="117"/>
        <source>Quality:</source>
        <translation>画质：</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="165"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="182"/>
        <source>Reading %1 …</source>
        <translation>正在读取 %1 …</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="204"/>
        <source>Playlist of %n videos</source>
        <translation>
            <numerusform>播放列表，共 %n 个视频</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="209"/>
        <source>Best available</source>
        <translation>最佳画质</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="213"/>
        <source>%1p</source>
        <translation>%1p</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="215"/>
        <source>Audio only</source>
        <translation>仅音频</translation>
    </message>
</context>
<context>
    <name>Gravity::Platform</name>
    <message>
        <location filename="../core/platform.cpp" line="30"/>
        <source>Other site</source>
        <translation>其他网站</translation>
    </message>
</context>
<context>
    <name>Gravity::UrlRecognizer</name>
    <message>
        <location filename="../core/urlrecognizer.cpp" line="492"/>
        <source>Paste a link to a video or playlist.</source>
        <translation>请粘贴视频或播放列表的链接。</translation>
    </message>
    <message>
        <location filename="../core/urlrecognizer.cpp" line="494"/>
        <source>This looks like a command-line option, not a link.</source>
        <translation>这看起来像是命令行选项，而不是链接。</translation>
    </message>
    <message>
        <location filename="../core/urlrecognizer.cpp" line="497"/>
        <source>Only http:// and https:// links can be downloaded.</source>
        <translation>只能下载 http:// 和 https:// 链接。</translation>
    </message>
    <message>
        <location filename="../core/urlrecognizer.cpp" line="500"/>
        <source>This link is too long (over 4096 bytes).</source>
        <translation>此链接过长（超过 4096 字节）。</translation>
    </message>
    <message>
        <location filename="../core/urlrecognizer.cpp" line="503"/>
        <source>This is not a web address: the host name has no domain.</source>
        <translation>这不是有效的网址：主机名中没有域名。</translation>
    </message>
    <message>
        <location filename="../core/urlrecognizer.cpp" line="506"/>
        <source>This link contains characters that are not allowed.</source>
        <translation>此链接包含不允许使用的字符。</translation>
    </message>
</context>
</TS>
