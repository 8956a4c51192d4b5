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
    <name>Gravity::DisplayText</name>
    <message numerus="yes">
        <location filename="../ui/displaytext.cpp" line="29"/>
        <source>%n s left</source>
        <translation>
            <numerusform>剩余 %n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/displaytext.cpp" line="32"/>
        <source>%n min left</source>
        <translation>
            <numerusform>剩余 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/displaytext.cpp" line="33"/>
        <source>%1 h %2 min left</source>
        <translation>剩余 %1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../ui/displaytext.cpp" line="43"/>
        <source>~%1</source>
        <translation>约 %1</translation>
    </message>
    <message>
        <location filename="../ui/displaytext.cpp" line="50"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
</context>
<context>
    <name>Gravity::DownloadAction</name>
    <message>
        <location filename="../ui/downloadactions.cpp" line="43"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../ui/downloadactions.cpp" line="45"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../ui/downloadactions.cpp" line="47"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/downloadactions.cpp" line="49"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../ui/downloadactions.cpp" line="51"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../ui/downloadactions.cpp" line="53"/>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../ui/downloadactions.cpp" line="55"/>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <location filename="../ui/downloadactions.cpp" line="57"/>
        <source>Remove from list</source>
        <translation>从列表中移除</translation>
    </message>
</context>
<context>
    <name>Gravity::DownloadListModel</name>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="17"/>
        <source>Downloading video %1/%2</source>
        <translation>正在下载视频 %1/%2</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="18"/>
        <location filename="../ui/downloadlistmodel.cpp" line="34"/>
        <source>Downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="21"/>
        <source>Downloading audio %1/%2</source>
        <translation>正在下载音频 %1/%2</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="22"/>
        <source>Downloading audio</source>
        <translation>正在下载音频</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="24"/>
        <source>Merging video and audio</source>
        <translation>正在合并视频和音频</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="26"/>
        <source>Converting</source>
        <translation>正在转换</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="28"/>
        <source>Adding metadata</source>
        <translation>正在添加元数据</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="30"/>
        <source>Finishing</source>
        <translation>正在收尾</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="100"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="102"/>
        <source>Starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="104"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="106"/>
        <source>Completed · %1</source>
        <translation>已完成 · %1</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="106"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="110"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>Gravity::DownloadsView</name>
    <message>
        <location filename="../ui/downloadsview.cpp" line="28"/>
        <source>Downloads</source>
        <translation>下载列表</translation>
    </message>
    <message>
        <location filename="../ui/downloadsview.cpp" line="29"/>
        <source>Delete removes a download, Enter opens its file, Space pauses or resumes, the menu key lists every action.</source>
        <translation>按 Delete 键移除下载，按 Enter 键打开文件，按空格键暂停或继续，按菜单键列出全部操作。</translation>
    </message>
    <message>
        <location filename="../ui/downloadsview.cpp" line="160"/>
        <source>Your downloads appear here.
Drop a link anywhere on this window to start.</source>
        <translation>下载任务会显示在这里。
将链接拖放到窗口中的任意位置即可开始。</translation>
    </message>
</context>
<context>
    <name>Gravity::DropOverlay</name>
    <message>
        <location filename="../ui/dropoverlay.cpp" line="28"/>
        <source>Gravity reads the page and shows what you can download.</source>
        <translation>Gravity 会读取页面，并列出可以下载的内容。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dropoverlay.cpp" line="44"/>
        <source>Drop to parse %n links</source>
        <translation>
            <numerusform>松开鼠标即可解析 %n 个链接</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/dropoverlay.cpp" line="45"/>
        <source>Drop to parse this link</source>
        <translation>松开鼠标即可解析此链接</translation>
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
    <name>Gravity::FormatTableModel</name>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="96"/>
        <source>Video+audio</source>
        <translation>视频+音频</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="98"/>
        <source>Video only</source>
        <translation>仅视频</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="100"/>
        <source>Audio only</source>
        <translation>仅音频</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="102"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="109"/>
        <source>%1p</source>
        <comment>video height</comment>
        <translation>%1p</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="121"/>
        <source>%1 kbit/s</source>
        <translation>%1 kbit/s</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="166"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="168"/>
        <source>About %1 bytes (yt-dlp&apos;s estimate)</source>
        <translation>约 %1 字节（yt-dlp 估算值）</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="169"/>
        <source>Size not known in advance</source>
        <translation>下载前无法得知大小</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="214"/>
        <source>yt-dlp&apos;s id for the format, as used in a format selection</source>
        <translation>该格式在 yt-dlp 中的 ID，即格式选择中使用的编号</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="216"/>
        <source>Frames per second</source>
        <translation>每秒帧数</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="218"/>
        <source>Average bitrate, video and audio together</source>
        <translation>平均码率（视频和音频合计）</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="220"/>
        <source>File size; &quot;~&quot; marks yt-dlp&apos;s estimate</source>
        <translation>文件大小；标有“约”的是 yt-dlp 的估算值</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="229"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="231"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="233"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="235"/>
        <source>FPS</source>
        <translation>帧率</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="237"/>
        <source>Ext</source>
        <translation>扩展名</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="239"/>
        <source>Video codec</source>
        <translation>视频编码</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="241"/>
        <source>Audio codec</source>
        <translation>音频编码</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="243"/>
        <source>Bitrate</source>
        <translation>码率</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="245"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../ui/formattablemodel.cpp" line="247"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Gravity::FormatsDialog</name>
    <message>
        <location filename="../ui/formatsdialog.cpp" line="36"/>
        <location filename="../ui/formatsdialog.cpp" line="80"/>
        <source>Formats</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../ui/formatsdialog.cpp" line="41"/>
        <source>Choose one video format and, if it has no sound, one audio format. Click a row or press Space.</source>
        <translation>请选择一个视频格式；如果它没有声音，再选择一个音频格式。点击某一行或按空格键即可选择。</translation>
    </message>
    <message>
        <location filename="../ui/formatsdialog.cpp" line="57"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../ui/formatsdialog.cpp" line="57"/>
        <source>Show all formats</source>
        <translation>显示全部格式</translation>
    </message>
    <message>
        <location filename="../ui/formatsdialog.cpp" line="58"/>
        <source>Video only</source>
        <translation>仅视频</translation>
    </message>
    <message>
        <location filename="../ui/formatsdialog.cpp" line="58"/>
        <source>Show video-only formats</source>
        <translation>显示仅含视频的格式</translation>
    </message>
    <message>
        <location filename="../ui/formatsdialog.cpp" line="59"/>
        <source>Audio only</source>
        <translation>仅音频</translation>
    </message>
    <message>
        <location filename="../ui/formatsdialog.cpp" line="59"/>
        <source>Show audio-only formats</source>
        <translation>显示仅含音频的格式</translation>
    </message>
    <message>
        <location filename="../ui/formatsdialog.cpp" line="60"/>
        <source>Video+audio</source>
        <translation>视频+音频</translation>
    </message>
    <message>
        <location filename="../ui/formatsdialog.cpp" line="60"/>
        <source>Show formats with video and audio in one file</source>
        <translation>显示同时包含视频和音频的格式</translation>
    </message>
    <message>
        <location filename="../ui/formatsdialog.cpp" line="82"/>
        <source>Press Space or Enter to choose the current format, again to unchoose it.</source>
        <translation>按空格键或 Enter 键选择当前格式，再按一次则取消选择。</translation>
    </message>
    <message>
        <location filename="../ui/formatsdialog.cpp" line="101"/>
        <source>Chosen format</source>
        <translation>已选格式</translation>
    </message>
    <message>
        <location filename="../ui/formatsdialog.cpp" line="106"/>
        <source>Use the chosen formats</source>
        <translation>使用所选格式</translation>
    </message>
    <message>
        <location filename="../ui/formatsdialog.cpp" line="107"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/formatsdialog.cpp" line="229"/>
        <source>Nothing chosen yet: choose a video format, an audio format, or one of each.</source>
        <translation>尚未选择：请选择一个视频格式、一个音频格式，或各选一个。</translation>
    </message>
    <message>
        <location filename="../ui/formatsdialog.cpp" line="232"/>
        <source>Format %1 is video only and will have no sound: choose an audio format too.</source>
        <translation>格式 %1 仅含视频，下载后没有声音：请再选择一个音频格式。</translation>
    </message>
    <message>
        <location filename="../ui/formatsdialog.cpp" line="234"/>
        <source>Format: %1</source>
        <translation>格式：%1</translation>
    </message>
</context>
<context>
    <name>Gravity::HeadlessRunner</name>
    <message>
        <location filename="../app/headlessrunner.cpp" line="106"/>
        <source>Interrupted: downloads stopped.</source>
        <translation>已中断：下载已停止。</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="146"/>
        <source>Rejected &quot;%1&quot;: %2</source>
        <translation>已拒绝 &quot;%1&quot;：%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/headlessrunner.cpp" line="159"/>
        <source>Playlist &quot;%1&quot;: %n entries</source>
        <translation>
            <numerusform>播放列表 &quot;%1&quot;：共 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="166"/>
        <source>Found &quot;%1&quot; (%2)</source>
        <translation>找到 &quot;%1&quot;（%2）</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="169"/>
        <source>  Uploader: %1</source>
        <translation>  上传者：%1</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="171"/>
        <source>  Duration: %1 s</source>
        <translation>  时长：%1 秒</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="173"/>
        <source>video+audio</source>
        <translation>视频+音频</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="174"/>
        <source>video only</source>
        <translation>仅视频</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="175"/>
        <source>audio only</source>
        <translation>仅音频</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="209"/>
        <source>Could not parse %1: %2</source>
        <translation>无法解析 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="247"/>
        <source>  ETA %1 s</source>
        <translation>  剩余时间 %1 秒</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="281"/>
        <source>Downloading &quot;%1&quot;</source>
        <translation>正在下载 &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="307"/>
        <source>Finished: %1 (%2)</source>
        <translation>已完成：%1（%2）</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="321"/>
        <source>Failed: %1: %2</source>
        <translation>失败：%1：%2</translation>
    </message>
</context>
<context>
    <name>Gravity::HistoryModel</name>
    <message>
        <location filename="../ui/historymodel.cpp" line="228"/>
        <source>File missing</source>
        <translation>文件已不存在</translation>
    </message>
    <message>
        <location filename="../ui/historymodel.cpp" line="230"/>
        <source>Completed — %1</source>
        <translation>已完成 — %1</translation>
    </message>
    <message>
        <location filename="../ui/historymodel.cpp" line="231"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/historymodel.cpp" line="235"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/historymodel.cpp" line="243"/>
        <source>Did not finish</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>Gravity::HistoryStore</name>
    <message>
        <location filename="../core/historystore.cpp" line="225"/>
        <source>This download is no longer in the history.</source>
        <translation>此下载已不在历史记录中。</translation>
    </message>
    <message>
        <location filename="../core/historystore.cpp" line="235"/>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <location filename="../core/historystore.cpp" line="245"/>
        <source>Could not delete %1: %2</source>
        <translation>无法删除 %1：%2</translation>
    </message>
    <message>
        <location filename="../core/historystore.cpp" line="567"/>
        <source>Could not create the folder for the download history (%1).</source>
        <translation>无法创建存放下载历史记录的文件夹（%1）。</translation>
    </message>
    <message>
        <location filename="../core/historystore.cpp" line="569"/>
        <source>The download history is in use by another Gravity; it will be saved again shortly.</source>
        <translation>下载历史记录正被另一个 Gravity 实例使用，稍后会再次尝试保存。</translation>
    </message>
    <message>
        <location filename="../core/historystore.cpp" line="571"/>
        <source>The download history %1 cannot be read (%2), so it was left as it is.</source>
        <translation>无法读取下载历史记录 %1（%2），因此保持原样，未作改动。</translation>
    </message>
    <message>
        <location filename="../core/historystore.cpp" line="574"/>
        <source>The damaged download history %1 could not be moved aside, so it was left as it is.</source>
        <translation>无法将已损坏的下载历史记录 %1 重命名备份，因此保持原样，未作改动。</translation>
    </message>
    <message>
        <location filename="../core/historystore.cpp" line="577"/>
        <source>Could not save the download history to %1: %2</source>
        <translation>无法将下载历史记录保存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>Gravity::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="169"/>
        <location filename="../ui/mainwindow.cpp" line="299"/>
        <source>Parse</source>
        <translation>解析</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="190"/>
        <source>Parse it</source>
        <translation>解析</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="192"/>
        <source>Parse the copied link</source>
        <translation>解析已复制的链接</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="239"/>
        <location filename="../ui/mainwindow.cpp" line="242"/>
        <location filename="../ui/mainwindow.cpp" line="411"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="46"/>
        <source>Gravity Video Downloader</source>
        <translation>Gravity 视频下载器</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="113"/>
        <source>Gravity</source>
        <translation>Gravity</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="120"/>
        <location filename="../ui/mainwindow.cpp" line="121"/>
        <source>Preferences</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="123"/>
        <source>&amp;Appearance</source>
        <translation>外观(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="125"/>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="126"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="127"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="140"/>
        <source>&amp;Offer copied links when Gravity is focused</source>
        <translation>切换到 Gravity 时提示解析已复制的链接(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="161"/>
        <source>Paste a video or playlist link, or drop one anywhere here</source>
        <translation>粘贴视频或播放列表链接，也可以将链接拖放到窗口任意位置</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="162"/>
        <source>Video link</source>
        <translation>视频链接</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="165"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="167"/>
        <source>Paste link from clipboard</source>
        <translation>从剪贴板粘贴链接</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="168"/>
        <source>Paste the copied link and parse it (Ctrl+V)</source>
        <translation>粘贴已复制的链接并解析（Ctrl+V）</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="172"/>
        <location filename="../ui/mainwindow.cpp" line="300"/>
        <source>Parse link</source>
        <translation>解析链接</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="177"/>
        <source>Reading the page</source>
        <translation>正在读取页面</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="183"/>
        <source>Message</source>
        <translation>提示信息</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="300"/>
        <source>Cancel parsing</source>
        <translation>取消解析</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="323"/>
        <source>%n links</source>
        <translation>
            <numerusform>%n 个链接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="334"/>
        <source>%n link(s) could not be used: %1</source>
        <translation>
            <numerusform>%n 个链接无法使用：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="353"/>
        <source>Reading the page…</source>
        <translation>正在读取页面…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="354"/>
        <source>Reading the %1 page…</source>
        <translation>正在读取 %1 页面…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="410"/>
        <source>Download %n video(s)</source>
        <translation>
            <numerusform>下载 %n 个视频</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="445"/>
        <source>Added %n download(s). Paste or drop the next link.</source>
        <translation>
            <numerusform>已添加 %n 个下载。请粘贴或拖入下一个链接。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="465"/>
        <source>%n active</source>
        <translation>
            <numerusform>%n 个进行中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="467"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 个等待中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="469"/>
        <source>%n in the list</source>
        <translation>
            <numerusform>列表中共 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="482"/>
        <source>Copied link: %1</source>
        <translation>已复制的链接：%1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="268"/>
        <source>Downloads</source>
        <translation>下载列表</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="299"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Gravity::MediaSummary</name>
    <message>
        <location filename="../ui/mediasummary.cpp" line="24"/>
        <source>Thumbnail</source>
        <translation>缩略图</translation>
    </message>
    <message>
        <location filename="../ui/mediasummary.cpp" line="70"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../ui/mediasummary.cpp" line="74"/>
        <source>Uploader, duration and date</source>
        <translation>上传者、时长和日期</translation>
    </message>
    <message>
        <location filename="../ui/mediasummary.cpp" line="76"/>
        <source>Site</source>
        <translation>网站</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mediasummary.cpp" line="102"/>
        <source>%n videos</source>
        <translation>
            <numerusform>%n 个视频</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gravity::OptionsPanel</name>
    <message>
        <location filename="../ui/optionspanel.cpp" line="44"/>
        <location filename="../ui/optionspanel.cpp" line="209"/>
        <source>&amp;Audio only</source>
        <translation>仅音频(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="49"/>
        <source>Choose &amp;formats…</source>
        <translation>选择格式(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="53"/>
        <source>Quality</source>
        <translation>画质</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="54"/>
        <source>Container</source>
        <translation>封装格式</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="55"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="56"/>
        <source>MP4</source>
        <translation>MP4</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="57"/>
        <source>MKV</source>
        <translation>MKV</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="58"/>
        <source>WebM</source>
        <translation>WebM</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="59"/>
        <source>Audio only</source>
        <translation>仅音频</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="60"/>
        <source>Audio format</source>
        <translation>音频格式</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="61"/>
        <source>Original (no conversion)</source>
        <translation>原始格式（不转换）</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="62"/>
        <source>MP3</source>
        <translation>MP3</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="63"/>
        <source>M4A</source>
        <translation>M4A</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="64"/>
        <source>Opus</source>
        <translation>Opus</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="65"/>
        <source>Subtitles</source>
        <translation>字幕</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="66"/>
        <source>How to save subtitles</source>
        <translation>字幕保存方式</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="67"/>
        <source>Embed in the video</source>
        <translation>嵌入视频</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="68"/>
        <source>Separate file</source>
        <translation>单独保存为文件</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="70"/>
        <source>Download folder</source>
        <translation>下载文件夹</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="71"/>
        <source>Choose where downloads are saved</source>
        <translation>选择下载内容的保存位置</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="72"/>
        <source>Choose exact formats</source>
        <translation>手动指定格式</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="76"/>
        <source>Use the quality choice again</source>
        <translation>改回按画质选择</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="90"/>
        <source>&amp;Quality</source>
        <translation>画质(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="92"/>
        <source>Fo&amp;rmat</source>
        <translation>格式(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="94"/>
        <source>&amp;Subtitles</source>
        <translation>字幕(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="99"/>
        <source>Save &amp;to</source>
        <translation>保存到(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="158"/>
        <source>Best (%1p)</source>
        <translation>最佳（%1p）</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="158"/>
        <source>Best available</source>
        <translation>最佳画质</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="160"/>
        <source>Up to %1p</source>
        <translation>最高 %1p</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="162"/>
        <source>%1p</source>
        <translation>%1p</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="164"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="172"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="177"/>
        <source>%1 (automatic)</source>
        <translation>%1（自动生成）</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="181"/>
        <source>This video has no subtitles</source>
        <translation>此视频没有字幕</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="208"/>
        <source>&amp;Audio only · %1</source>
        <translation>仅音频(&amp;A) · %1</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="222"/>
        <source>Save downloads to</source>
        <translation>选择下载保存位置</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="245"/>
        <source>Exact formats: %1</source>
        <translation>已指定格式：%1</translation>
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
    <name>Gravity::PlaylistModel</name>
    <message>
        <location filename="../ui/playlistmodel.cpp" line="73"/>
        <source>%1. %2</source>
        <comment>playlist position, title</comment>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location filename="../ui/playlistmodel.cpp" line="76"/>
        <source>%1 (%2)</source>
        <comment>title (duration)</comment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>Gravity::PlaylistPanel</name>
    <message>
        <location filename="../ui/playlistpanel.cpp" line="18"/>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/playlistpanel.cpp" line="19"/>
        <source>Select &amp;none</source>
        <translation>全不选(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/playlistpanel.cpp" line="22"/>
        <source>Playlist entries</source>
        <translation>播放列表条目</translation>
    </message>
    <message>
        <location filename="../ui/playlistpanel.cpp" line="23"/>
        <source>Space ticks or unticks the current entry.</source>
        <translation>按空格键勾选或取消勾选当前条目。</translation>
    </message>
    <message>
        <location filename="../ui/playlistpanel.cpp" line="27"/>
        <source>Select all entries</source>
        <translation>选择全部条目</translation>
    </message>
    <message>
        <location filename="../ui/playlistpanel.cpp" line="28"/>
        <source>Select no entries</source>
        <translation>取消选择全部条目</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/playlistpanel.cpp" line="63"/>
        <source>%1 of %n selected</source>
        <translation>
            <numerusform>已选择 %1 / %n 项</numerusform>
        </translation>
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
