<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Gravity::BatchFile</name>
    <message>
        <location filename="../core/batchfile.cpp" line="57"/>
        <source>The file of links &quot;%1&quot; could not be read: %2</source>
        <translation>无法读取链接文件“%1”：%2</translation>
    </message>
    <message>
        <location filename="../core/batchfile.cpp" line="68"/>
        <source>Line %1: &quot;%2&quot;: %3</source>
        <translation>第 %1 行“%2”：%3</translation>
    </message>
</context>
<context>
    <name>Gravity::ChoiceNames</name>
    <message>
        <location filename="../ui/choicenames.cpp" line="12"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../ui/choicenames.cpp" line="14"/>
        <source>MP4</source>
        <translation>MP4</translation>
    </message>
    <message>
        <location filename="../ui/choicenames.cpp" line="15"/>
        <source>MKV</source>
        <translation>MKV</translation>
    </message>
    <message>
        <location filename="../ui/choicenames.cpp" line="16"/>
        <source>WebM</source>
        <translation>WebM</translation>
    </message>
    <message>
        <location filename="../ui/choicenames.cpp" line="21"/>
        <source>Original (no conversion)</source>
        <translation>原始格式（不转换）</translation>
    </message>
    <message>
        <location filename="../ui/choicenames.cpp" line="23"/>
        <source>MP3</source>
        <translation>MP3</translation>
    </message>
    <message>
        <location filename="../ui/choicenames.cpp" line="24"/>
        <source>M4A</source>
        <translation>M4A</translation>
    </message>
    <message>
        <location filename="../ui/choicenames.cpp" line="25"/>
        <source>Opus</source>
        <translation>Opus</translation>
    </message>
</context>
<context>
    <name>Gravity::CommandLine</name>
    <message>
        <location filename="../app/commandline.cpp" line="79"/>
        <source>Print the versions of Gravity and yt-dlp.</source>
        <translation>显示 Gravity 和 yt-dlp 的版本。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="82"/>
        <source>Download without a window.</source>
        <translation>不打开窗口，直接下载。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="84"/>
        <source>Only parse the URLs and print what was found.</source>
        <translation>仅解析 URL 并输出解析结果。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="86"/>
        <source>Print one JSON object per line, for scripts.</source>
        <translation>每行输出一个 JSON 对象，便于脚本处理。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="89"/>
        <source>Quality: best, 2160, 1440, 1080, 720, 480, 360 or audio.</source>
        <translation>画质：best、2160、1440、1080、720、480、360 或 audio。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="90"/>
        <source>quality</source>
        <translation>画质</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="92"/>
        <source>An exact yt-dlp format selection, e.g. 137+140.</source>
        <translation>精确的 yt-dlp 格式选择，例如 137+140。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="93"/>
        <source>selector</source>
        <translation>选择器</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="95"/>
        <source>Audio only, converted to mp3, m4a or opus.</source>
        <translation>仅音频，转换为 mp3、m4a 或 opus。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="96"/>
        <location filename="../app/downloadflags.cpp" line="46"/>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="99"/>
        <source>Folder to save into (default: the current folder).</source>
        <translation>保存到的文件夹（默认：当前文件夹）。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="100"/>
        <source>dir</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="102"/>
        <source>Video container: mp4, mkv or webm.</source>
        <translation>视频封装格式：mp4、mkv 或 webm。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="103"/>
        <source>container</source>
        <translation>封装格式</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="105"/>
        <source>Path to the yt-dlp program.</source>
        <translation>yt-dlp 程序的路径。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="106"/>
        <location filename="../app/commandline.cpp" line="109"/>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="108"/>
        <source>Path to the ffmpeg program.</source>
        <translation>ffmpeg 程序的路径。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="112"/>
        <source>Downloads at the same time (default 3).</source>
        <translation>同时进行的下载数（默认 3）。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="112"/>
        <source>n</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="116"/>
        <source>yt-dlp file name template inside the folder (default: &quot;%1&quot;).</source>
        <translation>文件夹内的 yt-dlp 文件名模板（默认：&quot;%1&quot;）。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="118"/>
        <source>template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="121"/>
        <source>Proxy for yt-dlp, e.g. socks5://user:password@host:1080; &quot;&quot; connects directly.</source>
        <translation>yt-dlp 使用的代理，例如 socks5://user:password@host:1080；&quot;&quot; 表示直接连接。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="123"/>
        <location filename="../app/downloadflags.cpp" line="58"/>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="125"/>
        <source>Maximum download rate per download: 500K, 2M or bytes per second.</source>
        <translation>每个下载的最大速率：500K、2M 或每秒字节数。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="127"/>
        <source>rate</source>
        <translation>速率</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="129"/>
        <source>Cookies file (Netscape format) for yt-dlp to use.</source>
        <translation>供 yt-dlp 使用的 Cookie 文件（Netscape 格式）。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="133"/>
        <source>Use the cookies of a browser: %1 (optionally browser:profile).</source>
        <translation>使用浏览器的 Cookie：%1（可用 browser:profile 指定配置文件）。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="135"/>
        <source>browser</source>
        <translation>浏览器</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="138"/>
        <source>Download from a saved yt-dlp info JSON instead of a URL.</source>
        <translation>从已保存的 yt-dlp info JSON 下载，而不是从 URL 下载。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="328"/>
        <source>Nothing to do: give at least one URL, --batch-file FILE or --load-info-json FILE.</source>
        <translation>没有要做的事：请至少给出一个 URL、--batch-file 文件或 --load-info-json 文件。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="130"/>
        <location filename="../app/commandline.cpp" line="139"/>
        <location filename="../app/commandline.cpp" line="145"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="71"/>
        <source>Gravity Video Downloader: parse and download videos with yt-dlp.

Without --headless it opens the window (and passes any URLs to it).

Exit status: 0 all succeeded; 1 a download failed; 2 bad usage or a rejected URL;
3 yt-dlp or ffmpeg missing; 4 a page or info JSON could not be parsed;
5 the window could not be opened (an incomplete installation); 130 interrupted.</source>
        <translation>Gravity 视频下载器：使用 yt-dlp 解析并下载视频。

不带 --headless 时会打开窗口（并把给出的 URL 传给窗口）。

退出状态：0 全部成功；1 有下载失败；2 用法错误或 URL 被拒绝；
3 缺少 yt-dlp 或 ffmpeg；4 无法解析页面或 info JSON；
5 无法打开窗口（安装不完整）；130 被中断。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="143"/>
        <source>A text file of links, one per line (# starts a comment); &quot;-&quot; reads them from standard input.</source>
        <translation>链接文本文件，每行一个（# 开始注释）；“-”表示从标准输入读取。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="148"/>
        <source>Update yt-dlp, when it is Gravity&apos;s own copy (a packaged yt-dlp is updated by the package manager), and exit.</source>
        <translation>更新 yt-dlp（仅当它是 Gravity 自己的副本；软件包安装的 yt-dlp 由包管理器更新），然后退出。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="151"/>
        <source>The channel --update-yt-dlp follows: stable (default) or nightly.</source>
        <translation>--update-yt-dlp 使用的渠道：stable（默认）或 nightly。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="153"/>
        <source>channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="156"/>
        <source>Of a playlist, only these entries, e.g. 1,3,5-7 (default: all).</source>
        <translation>只下载播放列表中的这些条目，例如 1,3,5-7（默认：全部）。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="157"/>
        <source>items</source>
        <translation>条目</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="163"/>
        <source>Links to videos or playlists.</source>
        <translation>视频或播放列表的链接。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="191"/>
        <source>Unknown channel &quot;%1&quot;: use stable or nightly.</source>
        <translation>未知渠道“%1”：请使用 stable 或 nightly。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="201"/>
        <source>&quot;%1&quot; is not a list of entries: use for example 1,3,5-7.</source>
        <translation>“%1”不是条目列表：请写成例如 1,3,5-7。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="211"/>
        <source>Unknown quality &quot;%1&quot;: use best, 2160, 1440, 1080, 720, 480, 360 or audio.</source>
        <translation>未知画质 &quot;%1&quot;：请使用 best、2160、1440、1080、720、480、360 或 audio。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="218"/>
        <source>&quot;%1&quot; is not a format selection.</source>
        <translation>&quot;%1&quot; 不是有效的格式选择。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="226"/>
        <source>Unknown audio format &quot;%1&quot;: use mp3, m4a or opus.</source>
        <translation>未知音频格式 &quot;%1&quot;：请使用 mp3、m4a 或 opus。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="236"/>
        <source>Unknown container &quot;%1&quot;: use mp4, mkv or webm.</source>
        <translation>未知封装格式 &quot;%1&quot;：请使用 mp4、mkv 或 webm。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="256"/>
        <source>--jobs takes a number from 1 to 32.</source>
        <translation>--jobs 的取值必须是 1 到 32 之间的数字。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="277"/>
        <source>--proxy takes a URL such as http://host:3128 or socks5://user:password@host:1080, or &quot;&quot; for none.</source>
        <translation>--proxy 的取值必须是 URL，例如 http://host:3128 或 socks5://user:password@host:1080；&quot;&quot; 表示不使用代理。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="286"/>
        <source>&quot;%1&quot; is not a rate: use for example 500K, 2M or 65536.</source>
        <translation>&quot;%1&quot; 不是有效的速率：请使用 500K、2M 或 65536 这样的值。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="294"/>
        <source>Use either --cookies or --cookies-from-browser, not both.</source>
        <translation>--cookies 和 --cookies-from-browser 只能使用其中一个。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="302"/>
        <source>The cookies file &quot;%1&quot; does not exist.</source>
        <translation>Cookie 文件 &quot;%1&quot; 不存在。</translation>
    </message>
    <message>
        <location filename="../app/commandline.cpp" line="312"/>
        <source>Unknown browser &quot;%1&quot;: use %2.</source>
        <translation>未知浏览器 &quot;%1&quot;：请使用 %2。</translation>
    </message>
    <message>
        <location filename="../app/downloadflags.cpp" line="30"/>
        <source>&quot;%1&quot; is not a list of SponsorBlock categories: use %2.</source>
        <translation>“%1”不是 SponsorBlock 类别列表：请使用 %2。</translation>
    </message>
    <message>
        <location filename="../app/downloadflags.cpp" line="41"/>
        <source>Subtitle languages to save beside the video, e.g. en,zh-Hans.</source>
        <translation>保存在视频旁的字幕语言，例如 en,zh-Hans。</translation>
    </message>
    <message>
        <location filename="../app/downloadflags.cpp" line="42"/>
        <source>langs</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../app/downloadflags.cpp" line="43"/>
        <source>Embed the subtitles in the video instead.</source>
        <translation>改为把字幕嵌入视频。</translation>
    </message>
    <message>
        <location filename="../app/downloadflags.cpp" line="44"/>
        <source>Also take the site&apos;s automatic captions.</source>
        <translation>同时获取网站的自动字幕。</translation>
    </message>
    <message>
        <location filename="../app/downloadflags.cpp" line="45"/>
        <source>Subtitle file format: srt, vtt or ass.</source>
        <translation>字幕文件格式：srt、vtt 或 ass。</translation>
    </message>
    <message>
        <location filename="../app/downloadflags.cpp" line="49"/>
        <source>YouTube: mark these SponsorBlock segments as chapters (%1).</source>
        <translation>YouTube：把这些 SponsorBlock 片段标记为章节（%1）。</translation>
    </message>
    <message>
        <location filename="../app/downloadflags.cpp" line="51"/>
        <location filename="../app/downloadflags.cpp" line="55"/>
        <source>categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../app/downloadflags.cpp" line="54"/>
        <source>YouTube: cut these SponsorBlock segments out (%1).</source>
        <translation>YouTube：剪掉这些 SponsorBlock 片段（%1）。</translation>
    </message>
    <message>
        <location filename="../app/downloadflags.cpp" line="57"/>
        <source>The SponsorBlock server to ask (default: yt-dlp&apos;s).</source>
        <translation>要查询的 SponsorBlock 服务器（默认：yt-dlp 的）。</translation>
    </message>
    <message>
        <location filename="../app/downloadflags.cpp" line="60"/>
        <source>Embed the thumbnail as cover art (mp4, mkv, mp3, m4a).</source>
        <translation>把缩略图嵌入为封面（mp4、mkv、mp3、m4a）。</translation>
    </message>
    <message>
        <location filename="../app/downloadflags.cpp" line="62"/>
        <source>Embed the title, uploader and other metadata.</source>
        <translation>嵌入标题、上传者等元数据。</translation>
    </message>
    <message>
        <location filename="../app/downloadflags.cpp" line="63"/>
        <source>Embed the video&apos;s chapters.</source>
        <translation>嵌入视频的章节。</translation>
    </message>
    <message>
        <location filename="../app/downloadflags.cpp" line="65"/>
        <source>Download only START-END, e.g. 1:00-2:30, 90-, -45.</source>
        <translation>只下载 开始-结束 之间的部分，例如 1:00-2:30、90-、-45。</translation>
    </message>
    <message>
        <location filename="../app/downloadflags.cpp" line="66"/>
        <source>range</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../app/downloadflags.cpp" line="77"/>
        <source>Subtitle options need --sub-langs.</source>
        <translation>字幕选项需要 --sub-langs。</translation>
    </message>
    <message>
        <location filename="../app/downloadflags.cpp" line="82"/>
        <source>Unknown subtitle format &quot;%1&quot;: use srt, vtt or ass.</source>
        <translation>未知字幕格式“%1”：请使用 srt、vtt 或 ass。</translation>
    </message>
    <message>
        <location filename="../app/downloadflags.cpp" line="89"/>
        <source>Use --sponsorblock-mark or --sponsorblock-remove, not both.</source>
        <translation>请使用 --sponsorblock-mark 或 --sponsorblock-remove，不要同时使用。</translation>
    </message>
    <message>
        <location filename="../app/downloadflags.cpp" line="103"/>
        <source>&quot;%1&quot; is not an http(s) address.</source>
        <translation>“%1”不是 http(s) 地址。</translation>
    </message>
    <message>
        <location filename="../app/downloadflags.cpp" line="116"/>
        <source>&quot;%1&quot; is not a time range: use START-END, e.g. 1:00-2:30.</source>
        <translation>“%1”不是时间范围：请写成 开始-结束，例如 1:00-2:30。</translation>
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
        <location filename="../ui/downloadactions.cpp" line="48"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../ui/downloadactions.cpp" line="50"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../ui/downloadactions.cpp" line="52"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/downloadactions.cpp" line="54"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../ui/downloadactions.cpp" line="56"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../ui/downloadactions.cpp" line="58"/>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../ui/downloadactions.cpp" line="60"/>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <location filename="../ui/downloadactions.cpp" line="62"/>
        <source>Remove from list</source>
        <translation>从列表中移除</translation>
    </message>
    <message>
        <location filename="../ui/downloadactions.cpp" line="64"/>
        <source>Set up cookies…</source>
        <translation>设置 Cookie…</translation>
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
        <location filename="../ui/downloadlistmodel.cpp" line="108"/>
        <source>Completed · %1 · %2</source>
        <translation>已完成 · %1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="109"/>
        <location filename="../ui/downloadlistmodel.cpp" line="111"/>
        <source>Completed · %1</source>
        <translation>已完成 · %1</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="111"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/downloadlistmodel.cpp" line="115"/>
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
        <location filename="../ui/downloadsview.cpp" line="163"/>
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
        <location filename="../core/downloaderror.cpp" line="170"/>
        <source>This site or link is not supported by yt-dlp.</source>
        <translation>yt-dlp 不支持此网站或链接。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="172"/>
        <source>This video is unavailable: it may be private or removed.</source>
        <translation>此视频不可用：可能已设为私密或已被删除。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="174"/>
        <source>This video needs a login: add cookies in Settings.</source>
        <translation>此视频需要登录：请在设置中添加 Cookie。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="176"/>
        <source>This video is not available in your region: try a proxy in Settings.</source>
        <translation>此视频在你所在的地区不可用：请尝试在设置中使用代理。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="178"/>
        <source>This is a live stream that has not ended: try again when it is over.</source>
        <translation>这是一场尚未结束的直播：请在直播结束后重试。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="180"/>
        <source>The site could not be reached: check your connection or proxy.</source>
        <translation>无法访问该网站：请检查网络连接或代理。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="182"/>
        <source>The server refused the download: try again later.</source>
        <translation>服务器拒绝了下载：请稍后重试。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="184"/>
        <source>The chosen quality is not available: pick another one.</source>
        <translation>所选画质不可用：请选择其他画质。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="186"/>
        <source>The disk is full: free some space and retry.</source>
        <translation>磁盘已满：请释放一些空间后重试。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="188"/>
        <source>The download folder cannot be written: choose another folder.</source>
        <translation>无法写入下载文件夹：请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="190"/>
        <source>yt-dlp was not found: install it (for example &quot;apt install yt-dlp&quot;) or set its path.</source>
        <translation>未找到 yt-dlp：请安装（例如 &quot;apt install yt-dlp&quot;）或设置其路径。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="193"/>
        <source>yt-dlp is too old: update it and try again.</source>
        <translation>yt-dlp 版本过旧：请更新后重试。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="195"/>
        <source>ffmpeg was not found: install it (for example &quot;apt install ffmpeg&quot;) or set its path.</source>
        <translation>未找到 ffmpeg：请安装（例如 &quot;apt install ffmpeg&quot;）或设置其路径。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="198"/>
        <source>The download stopped making progress and was ended: retry it.</source>
        <translation>下载长时间没有进展，已被终止：请重试。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="200"/>
        <source>yt-dlp stopped unexpectedly: retry the download.</source>
        <translation>yt-dlp 意外退出：请重新下载。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="202"/>
        <source>The video information could not be read.</source>
        <translation>无法读取视频信息。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="204"/>
        <source>ffmpeg could not finish the file (merging or converting failed): check that ffmpeg works, then retry.</source>
        <translation>ffmpeg 未能完成文件（合并或转换失败）：请检查 ffmpeg 是否正常，然后重试。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="207"/>
        <source>The part chosen holds nothing: it starts past the end of the video. Choose another start and end.</source>
        <translation>所选部分没有内容：它的开始已超过视频结尾。请重新选择开始和结束时间。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="210"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../core/downloaderror.cpp" line="214"/>
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
    <message numerus="yes">
        <location filename="../app/headlessrunner.cpp" line="133"/>
        <source>Only the first %n link(s) of the file were read.</source>
        <translation>
            <numerusform>只读取了文件中的前 %n 个链接。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="136"/>
        <source>There are no links in &quot;%1&quot;.</source>
        <translation>“%1”中没有链接。</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="155"/>
        <source>Interrupted: downloads stopped.</source>
        <translation>已中断：下载已停止。</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="200"/>
        <source>Rejected &quot;%1&quot;: %2</source>
        <translation>已拒绝 &quot;%1&quot;：%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/headlessrunner.cpp" line="213"/>
        <source>Playlist &quot;%1&quot;: %n entries</source>
        <translation>
            <numerusform>播放列表 &quot;%1&quot;：共 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="220"/>
        <source>Found &quot;%1&quot; (%2)</source>
        <translation>找到 &quot;%1&quot;（%2）</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="223"/>
        <source>  Uploader: %1</source>
        <translation>  上传者：%1</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="225"/>
        <source>  Duration: %1 s</source>
        <translation>  时长：%1 秒</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="227"/>
        <source>video+audio</source>
        <translation>视频+音频</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="228"/>
        <source>video only</source>
        <translation>仅视频</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="229"/>
        <source>audio only</source>
        <translation>仅音频</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="266"/>
        <source>Could not parse %1: %2</source>
        <translation>无法解析 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="287"/>
        <source>Not downloading %1: %2</source>
        <translation>不下载 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="323"/>
        <source>  ETA %1 s</source>
        <translation>  剩余时间 %1 秒</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="358"/>
        <source>Downloading &quot;%1&quot;</source>
        <translation>正在下载 &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="392"/>
        <source>Finished: %1 (%2)</source>
        <translation>已完成：%1（%2）</translation>
    </message>
    <message>
        <location filename="../app/headlessrunner.cpp" line="408"/>
        <source>Failed: %1: %2</source>
        <translation>失败：%1：%2</translation>
    </message>
</context>
<context>
    <name>Gravity::HistoryAction</name>
    <message numerus="yes">
        <location filename="../ui/historyactions.cpp" line="41"/>
        <source>Download %n again</source>
        <translation>
            <numerusform>重新下载 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/historyactions.cpp" line="43"/>
        <source>Download again</source>
        <translation>重新下载</translation>
    </message>
    <message>
        <location filename="../ui/historyactions.cpp" line="45"/>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <location filename="../ui/historyactions.cpp" line="47"/>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/historyactions.cpp" line="49"/>
        <source>Copy %n links</source>
        <translation>
            <numerusform>复制 %n 个链接</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/historyactions.cpp" line="50"/>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/historyactions.cpp" line="52"/>
        <source>Remove %n from history</source>
        <translation>
            <numerusform>从历史记录中移除 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/historyactions.cpp" line="54"/>
        <source>Remove from history</source>
        <translation>从历史记录中移除</translation>
    </message>
    <message>
        <location filename="../ui/historyactions.cpp" line="56"/>
        <source>Remove from history and delete file…</source>
        <translation>从历史记录中移除并删除文件…</translation>
    </message>
    <message>
        <location filename="../ui/historyactions.cpp" line="85"/>
        <source>“%1” is no longer where it was saved</source>
        <translation>“%1”已不在原来的保存位置</translation>
    </message>
    <message>
        <location filename="../ui/historyactions.cpp" line="100"/>
        <source>The folder “%1” no longer exists</source>
        <translation>文件夹“%1”已不存在</translation>
    </message>
    <message>
        <location filename="../ui/historyactions.cpp" line="112"/>
        <source>Link copied</source>
        <translation>已复制链接</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/historyactions.cpp" line="113"/>
        <source>%n links copied</source>
        <translation>
            <numerusform>已复制 %n 个链接</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gravity::HistoryModel</name>
    <message>
        <location filename="../ui/historymodel.cpp" line="268"/>
        <source>File missing</source>
        <translation>文件已不存在</translation>
    </message>
    <message>
        <location filename="../ui/historymodel.cpp" line="271"/>
        <source>Completed — %1 — %2</source>
        <translation>已完成 — %1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/historymodel.cpp" line="273"/>
        <location filename="../ui/historymodel.cpp" line="276"/>
        <source>Completed — %1</source>
        <translation>已完成 — %1</translation>
    </message>
    <message>
        <location filename="../ui/historymodel.cpp" line="277"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/historymodel.cpp" line="281"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/historymodel.cpp" line="289"/>
        <source>Did not finish</source>
        <translation>未完成</translation>
    </message>
</context>
<context>
    <name>Gravity::HistoryPage</name>
    <message>
        <location filename="../ui/historypage.cpp" line="84"/>
        <location filename="../ui/historypage.cpp" line="176"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="85"/>
        <source>Enter opens the file or downloads it again, Delete removes from the history, the menu key lists every action.</source>
        <translation>按 Enter 键打开文件或重新下载，按 Delete 键从历史记录中移除，按菜单键列出全部操作。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/historypage.cpp" line="146"/>
        <source>The history file was damaged. %Ln downloads could be read and were kept; the damaged file was set aside as
%1</source>
        <translation>
            <numerusform>历史记录文件已损坏。已读取并保留 %Ln 条记录；损坏的文件已另存为
%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="161"/>
        <source>%1
The history is kept and saved again with the next change.</source>
        <translation>%1
历史记录不会丢失，下次有更改时会再次保存。</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="181"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="183"/>
        <source>Save the history as a JSON or CSV file</source>
        <translation>将历史记录保存为 JSON 或 CSV 文件</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="185"/>
        <source>Clear history…</source>
        <translation>清空历史记录…</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="187"/>
        <source>Remove every entry; downloaded files stay</source>
        <translation>移除所有记录；已下载的文件会保留</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="205"/>
        <source>Search title, link or uploader</source>
        <translation>搜索标题、链接或上传者</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="206"/>
        <source>Search history</source>
        <translation>搜索历史记录</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="218"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="219"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="220"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="221"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="217"/>
        <source>Filter by state</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="227"/>
        <source>Filter by platform</source>
        <translation>按平台筛选</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="228"/>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="231"/>
        <source>Other sites</source>
        <translation>其他网站</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="259"/>
        <location filename="../ui/historypage.cpp" line="260"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="329"/>
        <source>Loading history…</source>
        <translation>正在加载历史记录…</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="330"/>
        <source>No downloads yet
Every download that finishes, fails or is cancelled is kept here, to open or download again.</source>
        <translation>还没有下载记录
每个已完成、失败或已取消的下载都会保存在这里，方便再次打开或重新下载。</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="334"/>
        <source>Nothing matches your search
Try other words, or show all states and platforms.</source>
        <translation>没有符合搜索条件的记录
请尝试其他关键词，或显示全部状态和平台。</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="335"/>
        <source>No downloads match these filters</source>
        <translation>没有符合筛选条件的记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/historypage.cpp" line="345"/>
        <source>%Ln downloads</source>
        <translation>
            <numerusform>%Ln 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/historypage.cpp" line="347"/>
        <source>%1 of %Ln shown</source>
        <translation>
            <numerusform>已显示 %1 / %Ln 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="482"/>
        <source>Removed “%1” from the history</source>
        <translation>已从历史记录中移除“%1”</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="487"/>
        <source>Remove from history</source>
        <translation>从历史记录中移除</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/historypage.cpp" line="488"/>
        <source>Remove %n downloads from the history?</source>
        <translation>
            <numerusform>要从历史记录中移除 %n 条记录吗？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="489"/>
        <location filename="../ui/historypage.cpp" line="564"/>
        <source>Downloaded files are not deleted.</source>
        <translation>已下载的文件不会被删除。</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="489"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/historypage.cpp" line="494"/>
        <source>Removed %n downloads from the history</source>
        <translation>
            <numerusform>已从历史记录中移除 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="532"/>
        <location filename="../ui/historypage.cpp" line="536"/>
        <source>Delete file</source>
        <translation>删除文件</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="533"/>
        <source>Delete “%1” and remove it from the history?</source>
        <translation>要删除“%1”并将其从历史记录中移除吗？</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="534"/>
        <source>%1

The file goes to the trash, or is deleted where there is no trash.</source>
        <translation>%1

文件将移到回收站；没有回收站时将直接删除。</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="543"/>
        <source>Moved “%1” to the trash</source>
        <translation>已将“%1”移到回收站</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="546"/>
        <source>Deleted “%1”</source>
        <translation>已删除“%1”</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="549"/>
        <source>“%1” was already gone; removed it from the history</source>
        <translation>“%1”已不存在，已将其从历史记录中移除</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="552"/>
        <source>Could not delete “%1”: %2</source>
        <translation>无法删除“%1”：%2</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="562"/>
        <location filename="../ui/historypage.cpp" line="564"/>
        <source>Clear history</source>
        <translation>清空历史记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/historypage.cpp" line="563"/>
        <source>Remove all %Ln downloads from the history?</source>
        <translation>
            <numerusform>要从历史记录中移除全部 %Ln 条记录吗？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="569"/>
        <source>History cleared</source>
        <translation>历史记录已清空</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="662"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="663"/>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="669"/>
        <source>Export history</source>
        <translation>导出历史记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/historypage.cpp" line="712"/>
        <source>Exported %Ln downloads to %1</source>
        <translation>
            <numerusform>已将 %Ln 条记录导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/historypage.cpp" line="714"/>
        <source>Could not export the history to %1: %2</source>
        <translation>无法将历史记录导出到 %1：%2</translation>
    </message>
</context>
<context>
    <name>Gravity::HistoryStore</name>
    <message>
        <location filename="../core/historystore.cpp" line="250"/>
        <source>This download is no longer in the history.</source>
        <translation>此下载已不在历史记录中。</translation>
    </message>
    <message>
        <location filename="../core/historystore.cpp" line="260"/>
        <source>%1 is not a file.</source>
        <translation>%1 不是文件。</translation>
    </message>
    <message>
        <location filename="../core/historystore.cpp" line="270"/>
        <source>Could not delete %1: %2</source>
        <translation>无法删除 %1：%2</translation>
    </message>
    <message>
        <location filename="../core/historystoresync.cpp" line="355"/>
        <source>Could not create the folder for the download history (%1).</source>
        <translation>无法创建存放下载历史记录的文件夹（%1）。</translation>
    </message>
    <message>
        <location filename="../core/historystoresync.cpp" line="357"/>
        <source>The download history is in use by another Gravity; it will be saved again shortly.</source>
        <translation>下载历史记录正被另一个 Gravity 实例使用，稍后会再次尝试保存。</translation>
    </message>
    <message>
        <location filename="../core/historystoresync.cpp" line="359"/>
        <source>The download history %1 cannot be read (%2), so it was left as it is.</source>
        <translation>无法读取下载历史记录 %1（%2），因此保持原样，未作改动。</translation>
    </message>
    <message>
        <location filename="../core/historystoresync.cpp" line="362"/>
        <source>The damaged download history %1 could not be moved aside, so it was left as it is.</source>
        <translation>无法将已损坏的下载历史记录 %1 重命名备份，因此保持原样，未作改动。</translation>
    </message>
    <message>
        <location filename="../core/historystoresync.cpp" line="365"/>
        <source>Could not save the download history to %1: %2</source>
        <translation>无法将下载历史记录保存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>Gravity::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="301"/>
        <location filename="../ui/mainwindow.cpp" line="467"/>
        <source>Parse</source>
        <translation>解析</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="326"/>
        <source>Parse it</source>
        <translation>解析</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="328"/>
        <source>Parse the copied link</source>
        <translation>解析已复制的链接</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="405"/>
        <location filename="../ui/mainwindow.cpp" line="408"/>
        <location filename="../ui/mainwindowparse.cpp" line="180"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="64"/>
        <source>Gravity Video Downloader</source>
        <translation>Gravity 视频下载器</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="102"/>
        <source>Import links</source>
        <translation>导入链接</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="103"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="293"/>
        <source>Paste a video or playlist link, or drop one anywhere here</source>
        <translation>粘贴视频或播放列表链接，也可以将链接拖放到窗口任意位置</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="294"/>
        <source>Video link</source>
        <translation>视频链接</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="297"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="299"/>
        <source>Paste link from clipboard</source>
        <translation>从剪贴板粘贴链接</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="300"/>
        <source>Paste the copied link and parse it (Ctrl+V)</source>
        <translation>粘贴已复制的链接并解析（Ctrl+V）</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="304"/>
        <location filename="../ui/mainwindow.cpp" line="468"/>
        <source>Parse link</source>
        <translation>解析链接</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="309"/>
        <source>Reading the page</source>
        <translation>正在读取页面</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="315"/>
        <source>Message</source>
        <translation>提示信息</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="317"/>
        <source>Set up cookies…</source>
        <translation>设置 Cookie…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="319"/>
        <source>Set up cookies for sites that need a login</source>
        <translation>为需要登录的网站设置 Cookie</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="468"/>
        <source>Cancel parsing</source>
        <translation>取消解析</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowparse.cpp" line="51"/>
        <source>%n links</source>
        <translation>
            <numerusform>%n 个链接</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowparse.cpp" line="62"/>
        <source>%n link(s) could not be used: %1</source>
        <translation>
            <numerusform>%n 个链接无法使用：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindowparse.cpp" line="99"/>
        <source>Reading the page…</source>
        <translation>正在读取页面…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowparse.cpp" line="100"/>
        <source>Reading the %1 page…</source>
        <translation>正在读取 %1 页面…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowparse.cpp" line="153"/>
        <source>%1
%2</source>
        <comment>a parse error, then the advice to update an old yt-dlp</comment>
        <translation>%1
%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowparse.cpp" line="179"/>
        <source>Download %n video(s)</source>
        <translation>
            <numerusform>下载 %n 个视频</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowparse.cpp" line="219"/>
        <source>Added %n download(s). Paste or drop the next link.</source>
        <translation>
            <numerusform>已添加 %n 个下载。请粘贴或拖入下一个链接。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="480"/>
        <source>%n active</source>
        <translation>
            <numerusform>%n 个进行中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="482"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 个等待中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="484"/>
        <source>%n in the list</source>
        <translation>
            <numerusform>列表中共 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="497"/>
        <source>Copied link: %1</source>
        <translation>已复制的链接：%1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="559"/>
        <source>%1 could not be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="604"/>
        <source>Quit Gravity</source>
        <translation>退出 Gravity</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="604"/>
        <source>%n download(s) are running. Quit anyway?</source>
        <translation>
            <numerusform>仍有 %n 个下载正在进行。仍要退出吗？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="605"/>
        <source>They stop now and continue from where they were the next time Gravity starts.</source>
        <translation>下载会立即停止，下次启动 Gravity 时从中断处继续。</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="607"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="435"/>
        <source>Downloads</source>
        <translation>下载列表</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="241"/>
        <source>The download history was damaged. %n entries were recovered; the damaged file was kept as %1.</source>
        <translation>
            <numerusform>下载历史记录已损坏。已恢复 %n 条记录；损坏的文件已保留为 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="252"/>
        <source>The download history could not be read, so it is left untouched: %1</source>
        <translation>无法读取下载历史记录，因此未作改动：%1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="260"/>
        <source>The download history could not be saved; Gravity will try again: %1</source>
        <translation>无法保存下载历史记录，Gravity 稍后会重试：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="273"/>
        <source>The list of unfinished downloads was damaged. %n download(s) were restored; the damaged file was kept as %1.</source>
        <translation>
            <numerusform>未完成下载的列表已损坏。已恢复 %n 个下载；损坏的文件已保留为 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="467"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowimport.cpp" line="21"/>
        <source>There are no links in %1.</source>
        <translation>%1 中没有链接。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowimport.cpp" line="31"/>
        <source>%n link(s) from %1 are being read and downloaded.</source>
        <translation>
            <numerusform>正在读取并下载 %1 中的 %n 个链接。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowimport.cpp" line="33"/>
        <source>Only the first %n link(s) of the file were read.</source>
        <translation>
            <numerusform>只读取了文件中的前 %n 个链接。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowimport.cpp" line="36"/>
        <source>%n line(s) were rejected:</source>
        <translation>
            <numerusform>有 %n 行被拒绝：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindowimport.cpp" line="42"/>
        <source>…and %n more.</source>
        <translation>
            <numerusform>…另有 %n 行。</numerusform>
        </translation>
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
        <location filename="../ui/mediasummary.cpp" line="69"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../ui/mediasummary.cpp" line="73"/>
        <source>Uploader, duration and date</source>
        <translation>上传者、时长和日期</translation>
    </message>
    <message>
        <location filename="../ui/mediasummary.cpp" line="75"/>
        <source>Site</source>
        <translation>网站</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mediasummary.cpp" line="101"/>
        <source>%n videos</source>
        <translation>
            <numerusform>%n 个视频</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gravity::MoreOptionsPanel</name>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="20"/>
        <source>Sponsor</source>
        <translation>赞助广告</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="21"/>
        <source>Intermission or intro</source>
        <translation>过场或开场</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="22"/>
        <source>Endcards or credits</source>
        <translation>片尾或鸣谢</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="23"/>
        <source>Self-promotion</source>
        <translation>自我推广</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="24"/>
        <source>Preview or recap</source>
        <translation>预告或回顾</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="25"/>
        <source>Filler tangent</source>
        <translation>离题闲聊</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="26"/>
        <source>Interaction reminder</source>
        <translation>互动提醒</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="27"/>
        <source>Non-music section</source>
        <translation>非音乐部分</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="50"/>
        <source>Thum&amp;bnail</source>
        <translation>缩略图(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="51"/>
        <source>&amp;Metadata</source>
        <translation>元数据(&amp;M)</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="52"/>
        <source>Cha&amp;pters</source>
        <translation>章节(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="53"/>
        <source>Spons&amp;orBlock</source>
        <translation>SponsorBlock(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="57"/>
        <source>Onl&amp;y a part</source>
        <translation>只下载一部分(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="63"/>
        <location filename="../ui/moreoptionspanel.cpp" line="68"/>
        <source>More options</source>
        <translation>更多选项</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="70"/>
        <source>Subtitle file format</source>
        <translation>字幕文件格式</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="71"/>
        <location filename="../ui/moreoptionspanel.cpp" line="226"/>
        <source>The format of subtitle files saved beside the video</source>
        <translation>保存在视频旁的字幕文件的格式</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="72"/>
        <source>As served</source>
        <translation>保持原样</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="73"/>
        <source>SRT</source>
        <translation>SRT</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="74"/>
        <source>VTT</source>
        <translation>VTT</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="75"/>
        <source>ASS</source>
        <translation>ASS</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="76"/>
        <source>Embed the thumbnail</source>
        <translation>嵌入缩略图</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="77"/>
        <source>Embed the metadata</source>
        <translation>嵌入元数据</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="78"/>
        <source>Title, uploader, date and description inside the file</source>
        <translation>文件内含标题、上传者、日期和简介</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="79"/>
        <source>Embed the chapters</source>
        <translation>嵌入章节</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="81"/>
        <source>SponsorBlock</source>
        <translation>SponsorBlock</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="82"/>
        <source>Segments the SponsorBlock community marked in YouTube videos</source>
        <translation>SponsorBlock 社区在 YouTube 视频中标出的片段</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="83"/>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="84"/>
        <source>Mark as chapters</source>
        <translation>标记为章节</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="85"/>
        <source>Remove from the video</source>
        <translation>从视频中删除</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="87"/>
        <source>Categories…</source>
        <translation>类别…</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="88"/>
        <source>SponsorBlock categories</source>
        <translation>SponsorBlock 类别</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="98"/>
        <source>Start of the part</source>
        <translation>这一部分的开始</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="99"/>
        <source>End of the part</source>
        <translation>这一部分的结束</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="100"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="101"/>
        <source>1:23, 01:02:03 or seconds; empty: from the beginning</source>
        <translation>1:23、01:02:03 或秒数；留空：从头开始</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="102"/>
        <source>1:23, 01:02:03 or seconds; empty: to the end</source>
        <translation>1:23、01:02:03 或秒数；留空：直到结尾</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="134"/>
        <source>Subtitle fi&amp;les</source>
        <translation>字幕文件(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="137"/>
        <source>&amp;Embed</source>
        <translation>嵌入(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="172"/>
        <source>This video has no chapters</source>
        <translation>这个视频没有章节</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="187"/>
        <source>End (%1)</source>
        <translation>结束（%1）</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="187"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="220"/>
        <source>Only MP4 and MKV videos and MP3 and M4A audio take a thumbnail</source>
        <translation>只有 MP4、MKV 视频和 MP3、M4A 音频可以嵌入缩略图</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="227"/>
        <source>Choose subtitles first</source>
        <translation>请先选择字幕</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="236"/>
        <source>&quot;%1&quot; is not a time: write 1:23, 01:02:03 or seconds.</source>
        <translation>“%1”不是时间：请写成 1:23、01:02:03 或秒数。</translation>
    </message>
    <message>
        <location filename="../ui/moreoptionspanel.cpp" line="261"/>
        <source>No category chosen: nothing is marked or removed</source>
        <translation>未选择类别：不会标记或删除任何内容</translation>
    </message>
</context>
<context>
    <name>Gravity::OptionsPanel</name>
    <message>
        <location filename="../ui/optionspanel.cpp" line="47"/>
        <location filename="../ui/optionspanel.cpp" line="214"/>
        <source>&amp;Audio only</source>
        <translation>仅音频(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="52"/>
        <source>Choose &amp;formats…</source>
        <translation>选择格式(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="57"/>
        <source>Quality</source>
        <translation>画质</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="58"/>
        <source>Container</source>
        <translation>封装格式</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="60"/>
        <source>Audio only</source>
        <translation>仅音频</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="61"/>
        <source>Audio format</source>
        <translation>音频格式</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="63"/>
        <source>Subtitles</source>
        <translation>字幕</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="64"/>
        <source>How to save subtitles</source>
        <translation>字幕保存方式</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="65"/>
        <source>Embed in the video</source>
        <translation>嵌入视频</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="66"/>
        <source>Separate file</source>
        <translation>单独保存为文件</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="68"/>
        <source>Download folder</source>
        <translation>下载文件夹</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="69"/>
        <source>Choose where downloads are saved</source>
        <translation>选择下载内容的保存位置</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="70"/>
        <source>Choose exact formats</source>
        <translation>手动指定格式</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="74"/>
        <source>Use the quality choice again</source>
        <translation>改回按画质选择</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="88"/>
        <source>&amp;Quality</source>
        <translation>画质(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="90"/>
        <source>Fo&amp;rmat</source>
        <translation>格式(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="92"/>
        <source>&amp;Subtitles</source>
        <translation>字幕(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="97"/>
        <source>Save &amp;to</source>
        <translation>保存到(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="163"/>
        <source>Best (%1p)</source>
        <translation>最佳（%1p）</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="163"/>
        <source>Best available</source>
        <translation>最佳画质</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="165"/>
        <source>Up to %1p</source>
        <translation>最高 %1p</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="167"/>
        <source>%1p</source>
        <translation>%1p</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="169"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="177"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="182"/>
        <source>%1 (automatic)</source>
        <translation>%1（自动生成）</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="186"/>
        <source>This video has no subtitles</source>
        <translation>此视频没有字幕</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="213"/>
        <source>&amp;Audio only · %1</source>
        <translation>仅音频(&amp;A) · %1</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="234"/>
        <source>Save downloads to</source>
        <translation>选择下载保存位置</translation>
    </message>
    <message>
        <location filename="../ui/optionspanel.cpp" line="257"/>
        <source>Exact formats: %1</source>
        <translation>已指定格式：%1</translation>
    </message>
</context>
<context>
    <name>Gravity::OutputTemplate</name>
    <message>
        <location filename="../core/outputtemplate.cpp" line="367"/>
        <source>Title [id]</source>
        <translation>标题 [ID]</translation>
    </message>
    <message>
        <location filename="../core/outputtemplate.cpp" line="369"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../core/outputtemplate.cpp" line="371"/>
        <source>Uploader / Title [id]</source>
        <translation>上传者 / 标题 [ID]</translation>
    </message>
    <message>
        <location filename="../core/outputtemplate.cpp" line="471"/>
        <source>The file name template is empty.</source>
        <translation>文件名模板为空。</translation>
    </message>
    <message>
        <location filename="../core/outputtemplate.cpp" line="473"/>
        <source>The file name template must not start with a slash: files stay in the download folder.</source>
        <translation>文件名模板不能以斜杠开头：文件只能保存在下载文件夹内。</translation>
    </message>
    <message>
        <location filename="../core/outputtemplate.cpp" line="475"/>
        <source>The file name template must not name a drive: files stay in the download folder.</source>
        <translation>文件名模板不能指定驱动器：文件只能保存在下载文件夹内。</translation>
    </message>
    <message>
        <location filename="../core/outputtemplate.cpp" line="477"/>
        <source>The file name template must not contain &quot;..&quot;: files stay in the download folder.</source>
        <translation>文件名模板不能包含 &quot;..&quot;：文件只能保存在下载文件夹内。</translation>
    </message>
    <message>
        <location filename="../core/outputtemplate.cpp" line="479"/>
        <source>The file name template contains a control character.</source>
        <translation>文件名模板包含控制字符。</translation>
    </message>
    <message>
        <location filename="../core/outputtemplate.cpp" line="481"/>
        <source>The file name template ends with a folder separator: add a file name after it.</source>
        <translation>文件名模板以文件夹分隔符结尾：请在其后添加文件名。</translation>
    </message>
    <message>
        <location filename="../core/outputtemplate.cpp" line="483"/>
        <source>The file name template starts a name with a device name Windows reserves (such as CON or NUL).</source>
        <translation>文件名模板中有名称以 Windows 保留的设备名（如 CON 或 NUL）开头。</translation>
    </message>
    <message>
        <location filename="../core/outputtemplate.cpp" line="486"/>
        <source>Folders in the file name template can only use plain fields such as %(uploader)s.</source>
        <translation>文件名模板中的文件夹只能使用简单字段，例如 %(uploader)s。</translation>
    </message>
    <message>
        <location filename="../core/outputtemplate.cpp" line="488"/>
        <source>The file name template starts with a yt-dlp file type (such as &quot;subtitle:&quot;), which Gravity does not support.</source>
        <translation>文件名模板以 yt-dlp 文件类型（如 &quot;subtitle:&quot;）开头，Gravity 不支持这种写法。</translation>
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
    <name>Gravity::QualityFallback</name>
    <message>
        <location filename="../core/qualityfallback.cpp" line="17"/>
        <source>Got %1p: %2p needs a login or membership</source>
        <translation>已下载 %1p：%2p 需要登录或会员</translation>
    </message>
    <message>
        <location filename="../core/qualityfallback.cpp" line="23"/>
        <source>Got %1: %2 needs a login or membership</source>
        <translation>已下载 %1：%2 需要登录或会员</translation>
    </message>
    <message>
        <location filename="../core/qualityfallback.cpp" line="27"/>
        <source>Got a lower quality: the chosen one needs a login or membership</source>
        <translation>已下载较低画质：所选画质需要登录或会员</translation>
    </message>
</context>
<context>
    <name>Gravity::QueueJournal</name>
    <message>
        <location filename="../core/queuejournal.cpp" line="275"/>
        <source>Could not save the download queue to %1: %2</source>
        <translation>无法将下载队列保存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>Gravity::SettingsAppearancePage</name>
    <message>
        <location filename="../ui/settingsappearancepage.cpp" line="16"/>
        <location filename="../ui/settingsappearancepage.cpp" line="20"/>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../ui/settingsappearancepage.cpp" line="17"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../ui/settingsappearancepage.cpp" line="18"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../ui/settingsappearancepage.cpp" line="25"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/settingsappearancepage.cpp" line="26"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/settingsappearancepage.cpp" line="27"/>
        <source>A new language takes effect the next time Gravity starts.</source>
        <translation>语言更改将在下次启动 Gravity 时生效。</translation>
    </message>
    <message>
        <location filename="../ui/settingsappearancepage.cpp" line="37"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
</context>
<context>
    <name>Gravity::SettingsBehaviourPage</name>
    <message>
        <location filename="../ui/settingsbehaviourpage.cpp" line="13"/>
        <source>&amp;Keep running in the system tray when the window is closed</source>
        <translation>关闭窗口后继续在系统托盘中运行(&amp;K)</translation>
    </message>
    <message>
        <location filename="../ui/settingsbehaviourpage.cpp" line="14"/>
        <source>&amp;Offer a copied link when Gravity comes to the front</source>
        <translation>切换到 Gravity 时提示解析已复制的链接(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/settingsbehaviourpage.cpp" line="15"/>
        <source>&amp;Notify when a download finishes or fails</source>
        <translation>下载完成或失败时发送通知(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/settingsbehaviourpage.cpp" line="22"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../ui/settingsbehaviourpage.cpp" line="26"/>
        <source>This desktop has no system tray, so closing the window quits Gravity.</source>
        <translation>当前桌面没有系统托盘，关闭窗口将退出 Gravity。</translation>
    </message>
    <message>
        <location filename="../ui/settingsbehaviourpage.cpp" line="28"/>
        <source>Clipboard</source>
        <translation>剪贴板</translation>
    </message>
    <message>
        <location filename="../ui/settingsbehaviourpage.cpp" line="30"/>
        <source>Gravity looks at the clipboard only when you switch to its window, and only offers the link: nothing is read from the site until you click Parse.</source>
        <translation>Gravity 只在你切换到它的窗口时查看剪贴板，而且只会提示该链接：在你点击“解析”之前，不会从网站读取任何内容。</translation>
    </message>
    <message>
        <location filename="../ui/settingsbehaviourpage.cpp" line="33"/>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../ui/settingsbehaviourpage.cpp" line="44"/>
        <source>Behaviour</source>
        <translation>行为</translation>
    </message>
</context>
<context>
    <name>Gravity::SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="33"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="37"/>
        <source>Sections</source>
        <translation>设置分类</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="76"/>
        <source>Restore &amp;Defaults</source>
        <translation>恢复默认值(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="85"/>
        <source>Put this page back to Gravity&apos;s defaults</source>
        <translation>将此页恢复为 Gravity 的默认设置</translation>
    </message>
</context>
<context>
    <name>Gravity::SettingsDownloadsPage</name>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="33"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="41"/>
        <source>Put each playlist in a &amp;folder of its own</source>
        <translation>将每个播放列表放入单独的文件夹(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="43"/>
        <source>Forever</source>
        <translation>永久</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/settingsdownloadspage.cpp" line="43"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="46"/>
        <source>Download folder</source>
        <translation>下载文件夹</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="49"/>
        <source>Choose the download folder</source>
        <translation>选择下载文件夹</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="52"/>
        <source>Downloads running at the same time</source>
        <translation>同时进行的下载数</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="58"/>
        <source>Default quality</source>
        <translation>默认画质</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="59"/>
        <source>Best available</source>
        <translation>最佳画质</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="62"/>
        <source>Up to %1p</source>
        <translation>最高 %1p</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="64"/>
        <source>Audio only</source>
        <translation>仅音频</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="66"/>
        <source>Default container</source>
        <translation>默认封装格式</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="69"/>
        <source>Default audio format</source>
        <translation>默认音频格式</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="73"/>
        <source>File name pattern</source>
        <translation>文件命名方式</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="76"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="78"/>
        <source>yt-dlp output template</source>
        <translation>yt-dlp 输出模板</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="80"/>
        <source>Example file name</source>
        <translation>示例文件名</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="85"/>
        <source>Keep history entries for</source>
        <translation>历史记录保留时长</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="88"/>
        <source>Saving</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="93"/>
        <source>Save &amp;to</source>
        <translation>保存到(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="94"/>
        <source>A new folder is used for downloads added from now on.</source>
        <translation>更改后的文件夹只用于此后添加的下载。</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="98"/>
        <source>Takes effect at once.</source>
        <translation>立即生效。</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="101"/>
        <source>&amp;Parallel downloads</source>
        <translation>同时下载数(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="103"/>
        <source>New videos start with</source>
        <translation>新视频的默认选项</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="104"/>
        <source>&amp;Quality</source>
        <translation>画质(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="105"/>
        <source>Fo&amp;rmat</source>
        <translation>格式(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="106"/>
        <source>&amp;Audio format</source>
        <translation>音频格式(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="107"/>
        <source>You can still change these for each video before downloading it.</source>
        <translation>下载前仍可为每个视频单独更改这些选项。</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="109"/>
        <source>File names</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="110"/>
        <source>&amp;Name files</source>
        <translation>命名方式(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="111"/>
        <source>T&amp;emplate</source>
        <translation>模板(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="113"/>
        <location filename="../ui/settingsdownloadspage.cpp" line="253"/>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="120"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="121"/>
        <source>&amp;Keep entries for</source>
        <translation>保留时长(&amp;K)</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="122"/>
        <source>Older entries are removed from the list; the downloaded files are never deleted.</source>
        <translation>超出时长的记录会从列表中移除；已下载的文件绝不会被删除。</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="143"/>
        <source>Downloads</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="208"/>
        <source>Save downloads to</source>
        <translation>选择下载保存位置</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="253"/>
        <source>This video</source>
        <translation>这个视频</translation>
    </message>
    <message>
        <location filename="../ui/settingsdownloadspage.cpp" line="272"/>
        <source>A playlist&apos;s video: %1</source>
        <translation>播放列表中的视频：%1</translation>
    </message>
</context>
<context>
    <name>Gravity::SettingsNetworkPage</name>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="54"/>
        <source>P&amp;ort</source>
        <translation>端口(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="58"/>
        <source>Unlimited</source>
        <translation>不限速</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="62"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="66"/>
        <source>No proxy</source>
        <translation>不使用代理</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="67"/>
        <source>Use the system proxy</source>
        <translation>使用系统代理</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="68"/>
        <source>Manual</source>
        <translation>手动设置</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="69"/>
        <source>Proxy type</source>
        <translation>代理类型</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="70"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="71"/>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="72"/>
        <source>SOCKS5</source>
        <translation>SOCKS5</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="74"/>
        <source>Proxy host</source>
        <translation>代理主机</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="75"/>
        <source>proxy.example.com</source>
        <translation>proxy.example.com</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="77"/>
        <source>Proxy port</source>
        <translation>代理端口</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="81"/>
        <source>Proxy user name</source>
        <translation>代理用户名</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="82"/>
        <source>User name (optional)</source>
        <translation>用户名（可选）</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="84"/>
        <source>Proxy password</source>
        <translation>代理密码</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="85"/>
        <source>Password (optional)</source>
        <translation>密码（可选）</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="89"/>
        <source>Download speed limit</source>
        <translation>下载限速</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="91"/>
        <source>Unit of the speed limit</source>
        <translation>限速单位</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="92"/>
        <source>KiB/s</source>
        <translation>KiB/s</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="93"/>
        <source>MiB/s</source>
        <translation>MiB/s</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="96"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="97"/>
        <source>From a cookies.txt file</source>
        <translation>从 cookies.txt 文件读取</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="98"/>
        <source>From a browser</source>
        <translation>从浏览器读取</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="100"/>
        <source>Cookies file</source>
        <translation>Cookie 文件</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="101"/>
        <source>cookies.txt in Netscape format</source>
        <translation>Netscape 格式的 cookies.txt</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="102"/>
        <source>Choose the cookies file</source>
        <translation>选择 Cookie 文件</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="105"/>
        <source>Browser to read cookies from</source>
        <translation>读取 Cookie 的浏览器</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="109"/>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="110"/>
        <source>&amp;Connection</source>
        <translation>连接方式(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="111"/>
        <source>The system proxy is the one set in the environment (http_proxy, https_proxy).</source>
        <translation>系统代理是指在环境变量（http_proxy、https_proxy）中设置的代理。</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="119"/>
        <source>&amp;Server</source>
        <translation>服务器(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="124"/>
        <source>Sign &amp;in</source>
        <translation>登录(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="126"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="132"/>
        <source>Speed &amp;limit</source>
        <translation>限速(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="133"/>
        <source>Applies to each download on its own.</source>
        <translation>限速对每个下载分别生效。</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="135"/>
        <source>Cookies</source>
        <translation>Cookie</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="136"/>
        <source>Coo&amp;kies</source>
        <translation>Cookie(&amp;K)</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="141"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="142"/>
        <source>&amp;Browser</source>
        <translation>浏览器(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="143"/>
        <source>Your cookies let yt-dlp download as you: the qualities your account may watch and age-restricted videos. The file or the browser&apos;s store is read, never copied.</source>
        <translation>借助 Cookie，yt-dlp 能以你的身份下载：包括你的账号可观看的画质和有年龄限制的视频。Cookie 文件或浏览器的 Cookie 存储只会被读取，绝不会被复制。</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="169"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="233"/>
        <source>Enter the proxy&apos;s host name, or choose another kind of connection.</source>
        <translation>请输入代理的主机名，或选择其他连接方式。</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="237"/>
        <source>“%1” is not a host name. Enter only the host, such as proxy.example.com; the type and port have fields of their own.</source>
        <translation>“%1”不是主机名。请只填写主机，例如 proxy.example.com；类型和端口有各自的输入框。</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="244"/>
        <source>Choose the cookies file, or read cookies from a browser instead.</source>
        <translation>请选择 Cookie 文件，或改为从浏览器读取 Cookie。</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="246"/>
        <source>The cookies file %1 does not exist.</source>
        <translation>Cookie 文件 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="273"/>
        <source>Choose a cookies file</source>
        <translation>选择 Cookie 文件</translation>
    </message>
    <message>
        <location filename="../ui/settingsnetworkpage.cpp" line="275"/>
        <source>Cookies files (*.txt);;All files (*)</source>
        <translation>Cookie 文件 (*.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Gravity::SettingsToolsPage</name>
    <message numerus="yes">
        <location filename="../ui/settingstoolspage.cpp" line="45"/>
        <location filename="../ui/settingstoolspage.cpp" line="47"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="47"/>
        <source>Never</source>
        <translation>不限</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/settingstoolspage.cpp" line="49"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="49"/>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="51"/>
        <source>Programs</source>
        <translation>程序</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="52"/>
        <source>&amp;yt-dlp</source>
        <translation>&amp;yt-dlp</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="63"/>
        <source>&amp;ffmpeg</source>
        <translation>&amp;ffmpeg</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="64"/>
        <source>Leave a path empty to use the program Gravity finds by itself.</source>
        <translation>路径留空时，将使用 Gravity 自动找到的程序。</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="66"/>
        <source>Time limits</source>
        <translation>时间限制</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="78"/>
        <source>&amp;Parse time-out</source>
        <translation>解析超时(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="79"/>
        <source>&amp;Stall time-out</source>
        <translation>无响应超时(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="80"/>
        <source>&amp;Download time limit</source>
        <translation>下载时限(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="81"/>
        <source>Reading a link gives up after the parse time-out. A download is stopped when yt-dlp prints nothing at all for the stall time-out, or when it runs longer than the time limit; it can then be retried.</source>
        <translation>解析链接超过“解析超时”后即放弃。如果 yt-dlp 在“无响应超时”内没有任何输出，或下载用时超过“下载时限”，下载会被停止，之后可以重试。</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="110"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="123"/>
        <source>Path of yt-dlp</source>
        <translation>yt-dlp 路径</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="124"/>
        <source>Choose the yt-dlp program</source>
        <translation>选择 yt-dlp 程序</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="125"/>
        <source>yt-dlp version</source>
        <translation>yt-dlp 版本</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="127"/>
        <source>Path of ffmpeg</source>
        <translation>ffmpeg 路径</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="128"/>
        <source>Choose the ffmpeg program</source>
        <translation>选择 ffmpeg 程序</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="129"/>
        <source>ffmpeg version</source>
        <translation>ffmpeg 版本</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="150"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="189"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="201"/>
        <source>Automatic (not found)</source>
        <translation>自动（未找到）</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="202"/>
        <source>Automatic: %1</source>
        <translation>自动：%1</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="206"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="208"/>
        <source>This program does not answer like yt-dlp does</source>
        <translation>此程序的响应与 yt-dlp 不符</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="209"/>
        <source>This program does not answer like ffmpeg does</source>
        <translation>此程序的响应与 ffmpeg 不符</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="211"/>
        <source>Version %1 is too old: Gravity needs %2 or newer</source>
        <translation>版本 %1 过旧：Gravity 需要 %2 或更高版本</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="214"/>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="236"/>
        <source>Choose yt-dlp</source>
        <translation>选择 yt-dlp</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="236"/>
        <source>Choose ffmpeg</source>
        <translation>选择 ffmpeg</translation>
    </message>
    <message>
        <location filename="../ui/settingstoolspage.cpp" line="238"/>
        <source>Programs (*.exe)</source>
        <translation>程序 (*.exe)</translation>
    </message>
</context>
<context>
    <name>Gravity::Theme</name>
    <message>
        <location filename="../ui/theme.cpp" line="581"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>Gravity::TimeRange</name>
    <message>
        <location filename="../core/postprocessing.cpp" line="160"/>
        <source>A time cannot be negative.</source>
        <translation>时间不能为负数。</translation>
    </message>
    <message>
        <location filename="../core/postprocessing.cpp" line="162"/>
        <source>The end must come after the start.</source>
        <translation>结束时间必须在开始时间之后。</translation>
    </message>
    <message>
        <location filename="../core/postprocessing.cpp" line="164"/>
        <source>The start is past the end of the video (%1).</source>
        <translation>开始时间超过了视频的结尾（%1）。</translation>
    </message>
    <message>
        <location filename="../core/postprocessing.cpp" line="170"/>
        <source>The end is past the end of the video (%1).</source>
        <translation>结束时间超过了视频的结尾（%1）。</translation>
    </message>
</context>
<context>
    <name>Gravity::TrayMonitor</name>
    <message>
        <location filename="../ui/traymonitor.cpp" line="101"/>
        <location filename="../ui/traymonitor.cpp" line="123"/>
        <source>Show Gravity</source>
        <translation>显示 Gravity</translation>
    </message>
    <message>
        <location filename="../ui/traymonitor.cpp" line="104"/>
        <location filename="../ui/traymonitor.cpp" line="227"/>
        <source>No downloads running</source>
        <translation>没有正在进行的下载</translation>
    </message>
    <message>
        <location filename="../ui/traymonitor.cpp" line="111"/>
        <source>Pause all</source>
        <translation>全部暂停</translation>
    </message>
    <message>
        <location filename="../ui/traymonitor.cpp" line="113"/>
        <source>Resume all</source>
        <translation>全部继续</translation>
    </message>
    <message>
        <location filename="../ui/traymonitor.cpp" line="115"/>
        <source>Open download folder</source>
        <translation>打开下载文件夹</translation>
    </message>
    <message>
        <location filename="../ui/traymonitor.cpp" line="118"/>
        <source>Quit Gravity</source>
        <translation>退出 Gravity</translation>
    </message>
    <message>
        <location filename="../ui/traymonitor.cpp" line="123"/>
        <source>Hide Gravity</source>
        <translation>隐藏 Gravity</translation>
    </message>
    <message>
        <location filename="../ui/traymonitor.cpp" line="161"/>
        <source>Gravity is still running</source>
        <translation>Gravity 仍在运行</translation>
    </message>
    <message>
        <location filename="../ui/traymonitor.cpp" line="162"/>
        <source>Downloads go on in the background. Click the tray icon to open the window again, or choose Quit Gravity from its menu to stop.</source>
        <translation>下载会在后台继续。点击托盘图标可重新打开窗口，或在其菜单中选择“退出 Gravity”来停止。</translation>
    </message>
    <message>
        <location filename="../ui/traymonitor.cpp" line="217"/>
        <source>Gravity</source>
        <translation>Gravity</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="220"/>
        <source>%n download(s) running, %1 done</source>
        <translation>
            <numerusform>%n 个下载进行中，已完成 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="221"/>
        <source>%n download(s) running</source>
        <translation>
            <numerusform>%n 个下载进行中</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/traymonitor.cpp" line="223"/>
        <source>%1 · %2</source>
        <comment>total speed · time left</comment>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="230"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 个等待中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="232"/>
        <source>%n paused</source>
        <translation>
            <numerusform>%n 个已暂停</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="234"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/traymonitor.cpp" line="287"/>
        <source>%1 — starting</source>
        <comment>a download in the tray menu</comment>
        <translation>%1 — 正在开始</translation>
    </message>
    <message>
        <location filename="../ui/traymonitor.cpp" line="289"/>
        <source>%1 — finishing</source>
        <comment>a download in the tray menu</comment>
        <translation>%1 — 即将完成</translation>
    </message>
    <message>
        <location filename="../ui/traymonitor.cpp" line="291"/>
        <source>%1 — %2</source>
        <comment>a download in the tray menu: title — percent</comment>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="325"/>
        <source>%n more running…</source>
        <translation>
            <numerusform>还有 %n 个正在进行…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="404"/>
        <source>and %n more</source>
        <translation>
            <numerusform>还有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/traymonitor.cpp" line="408"/>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location filename="../ui/traymonitor.cpp" line="415"/>
        <location filename="../ui/traymonitor.cpp" line="416"/>
        <source>Download finished</source>
        <translation>下载完成</translation>
    </message>
    <message>
        <location filename="../ui/traymonitor.cpp" line="415"/>
        <source>“%1” finished.</source>
        <translation>“%1”已下载完成。</translation>
    </message>
    <message>
        <location filename="../ui/traymonitor.cpp" line="416"/>
        <source>“%1” finished. Click to open its folder.</source>
        <translation>“%1”已下载完成。点击打开所在文件夹。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="419"/>
        <source>%n download(s) finished</source>
        <translation>
            <numerusform>%n 个下载已完成</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/traymonitor.cpp" line="422"/>
        <source>Download failed</source>
        <translation>下载失败</translation>
    </message>
    <message>
        <location filename="../ui/traymonitor.cpp" line="422"/>
        <source>“%1” failed.
%2</source>
        <comment>the title, then why on a line of its own</comment>
        <translation>“%1”下载失败。
%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="426"/>
        <source>%n download(s) failed</source>
        <translation>
            <numerusform>%n 个下载失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/traymonitor.cpp" line="427"/>
        <source>%n finished, %1 failed</source>
        <comment>downloads; %1 is how many failed</comment>
        <translation>
            <numerusform>%n 个已完成，%1 个失败</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/traymonitor.cpp" line="428"/>
        <source>“%1” failed</source>
        <translation>“%1”下载失败</translation>
    </message>
</context>
<context>
    <name>Gravity::UrlRecognizer</name>
    <message>
        <location filename="../core/urlrecognizer.cpp" line="498"/>
        <source>Paste a link to a video or playlist.</source>
        <translation>请粘贴视频或播放列表的链接。</translation>
    </message>
    <message>
        <location filename="../core/urlrecognizer.cpp" line="500"/>
        <source>This looks like a command-line option, not a link.</source>
        <translation>这看起来像是命令行选项，而不是链接。</translation>
    </message>
    <message>
        <location filename="../core/urlrecognizer.cpp" line="503"/>
        <source>Only http:// and https:// links can be downloaded.</source>
        <translation>只能下载 http:// 和 https:// 链接。</translation>
    </message>
    <message>
        <location filename="../core/urlrecognizer.cpp" line="506"/>
        <source>This link is too long (over 4096 bytes).</source>
        <translation>此链接过长（超过 4096 字节）。</translation>
    </message>
    <message>
        <location filename="../core/urlrecognizer.cpp" line="509"/>
        <source>This is not a web address: the host name has no domain.</source>
        <translation>这不是有效的网址：主机名中没有域名。</translation>
    </message>
    <message>
        <location filename="../core/urlrecognizer.cpp" line="512"/>
        <source>This link contains characters that are not allowed.</source>
        <translation>此链接包含不允许使用的字符。</translation>
    </message>
</context>
<context>
    <name>Gravity::WindowHeader</name>
    <message>
        <location filename="../ui/windowheader.cpp" line="25"/>
        <source>Gravity</source>
        <translation>Gravity</translation>
    </message>
    <message>
        <location filename="../ui/windowheader.cpp" line="50"/>
        <source>&amp;Download</source>
        <translation>下载(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/windowheader.cpp" line="51"/>
        <source>&amp;History</source>
        <translation>历史记录(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/windowheader.cpp" line="76"/>
        <location filename="../ui/windowheader.cpp" line="77"/>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <location filename="../ui/windowheader.cpp" line="80"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/windowheader.cpp" line="91"/>
        <source>&amp;Import links from a file…</source>
        <translation>从文件导入链接(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../ui/windowheader.cpp" line="96"/>
        <source>&amp;Appearance</source>
        <translation>外观(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/windowheader.cpp" line="98"/>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/windowheader.cpp" line="99"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/windowheader.cpp" line="100"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/windowheader.cpp" line="119"/>
        <source>&amp;Offer a copied link when Gravity comes to the front</source>
        <translation>切换到 Gravity 时提示解析已复制的链接(&amp;O)</translation>
    </message>
</context>
<context>
    <name>Gravity::YtDlpAge</name>
    <message numerus="yes">
        <location filename="../core/ytdlpversion.cpp" line="54"/>
        <source>yt-dlp %1 is %n year(s) old; sites change often and old versions stop working. Update it.</source>
        <translation>
            <numerusform>yt-dlp %1 已经发布 %n 年了；网站经常变化，旧版本会失效。请更新它。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../core/ytdlpversion.cpp" line="59"/>
        <source>yt-dlp %1 is %n month(s) old; sites change often and old versions stop working. Update it.</source>
        <translation>
            <numerusform>yt-dlp %1 已经发布 %n 个月了；网站经常变化，旧版本会失效。请更新它。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Gravity::YtDlpCommands</name>
    <message>
        <location filename="../app/ytdlpcommands.cpp" line="49"/>
        <source>%1 does not answer like yt-dlp does.</source>
        <translation>%1 的回应不像 yt-dlp。</translation>
    </message>
    <message>
        <location filename="../app/ytdlpcommands.cpp" line="75"/>
        <source>Updating %1…</source>
        <translation>正在更新 %1…</translation>
    </message>
</context>
<context>
    <name>Gravity::YtDlpInstall</name>
    <message>
        <location filename="../core/ytdlpinstall.cpp" line="93"/>
        <source>This yt-dlp was installed by your system&apos;s package manager: update it there.</source>
        <translation>这个 yt-dlp 是系统的包管理器安装的：请在那里更新它。</translation>
    </message>
    <message>
        <location filename="../core/ytdlpinstall.cpp" line="96"/>
        <source>This yt-dlp cannot be replaced: you are not allowed to write to it or its folder.</source>
        <translation>无法替换这个 yt-dlp：你没有权限写入它或它所在的文件夹。</translation>
    </message>
    <message>
        <location filename="../core/ytdlpinstall.cpp" line="99"/>
        <source>This yt-dlp was not installed by Gravity: update it the way it was installed (for example pip), or choose a copy in Gravity&apos;s folder.</source>
        <translation>这个 yt-dlp 不是 Gravity 安装的：请按它的安装方式更新（例如 pip），或选择 Gravity 文件夹中的副本。</translation>
    </message>
    <message>
        <location filename="../core/ytdlpinstall.cpp" line="104"/>
        <source>yt-dlp was not found.</source>
        <translation>找不到 yt-dlp。</translation>
    </message>
</context>
<context>
    <name>Gravity::YtDlpUpdatePanel</name>
    <message>
        <location filename="../ui/ytdlpupdatepanel.cpp" line="22"/>
        <source>Release channel of yt-dlp</source>
        <translation>yt-dlp 的发布渠道</translation>
    </message>
    <message>
        <location filename="../ui/ytdlpupdatepanel.cpp" line="23"/>
        <source>Stable</source>
        <translation>稳定版</translation>
    </message>
    <message>
        <location filename="../ui/ytdlpupdatepanel.cpp" line="24"/>
        <source>Nightly</source>
        <translation>每夜版</translation>
    </message>
    <message>
        <location filename="../ui/ytdlpupdatepanel.cpp" line="86"/>
        <source>Cancel update</source>
        <translation>取消更新</translation>
    </message>
    <message>
        <location filename="../ui/ytdlpupdatepanel.cpp" line="86"/>
        <location filename="../ui/ytdlpupdatepanel.cpp" line="87"/>
        <source>Update yt-dlp</source>
        <translation>更新 yt-dlp</translation>
    </message>
    <message>
        <location filename="../ui/ytdlpupdatepanel.cpp" line="87"/>
        <source>Cancel the yt-dlp update</source>
        <translation>取消 yt-dlp 更新</translation>
    </message>
    <message>
        <location filename="../ui/ytdlpupdatepanel.cpp" line="100"/>
        <source>Updating yt-dlp…</source>
        <translation>正在更新 yt-dlp…</translation>
    </message>
</context>
<context>
    <name>Gravity::YtDlpUpdater</name>
    <message>
        <location filename="../core/ytdlpupdater.cpp" line="87"/>
        <source>yt-dlp was updated to %1.</source>
        <translation>yt-dlp 已更新到 %1。</translation>
    </message>
    <message>
        <location filename="../core/ytdlpupdater.cpp" line="89"/>
        <source>yt-dlp is already the newest version %1.</source>
        <translation>yt-dlp 已经是最新版本 %1。</translation>
    </message>
    <message>
        <location filename="../core/ytdlpupdater.cpp" line="91"/>
        <source>yt-dlp finished updating.</source>
        <translation>yt-dlp 已完成更新。</translation>
    </message>
    <message>
        <location filename="../core/ytdlpupdater.cpp" line="95"/>
        <source>The update was cancelled; yt-dlp was left as it was.</source>
        <translation>更新已取消；yt-dlp 保持原样。</translation>
    </message>
    <message>
        <location filename="../core/ytdlpupdater.cpp" line="98"/>
        <source>yt-dlp could not be started, so it could not update itself.</source>
        <translation>无法启动 yt-dlp，因此它无法更新自己。</translation>
    </message>
    <message>
        <location filename="../core/ytdlpupdater.cpp" line="102"/>
        <source>The update took too long and was stopped: try again later.</source>
        <translation>更新耗时太长，已停止：请稍后再试。</translation>
    </message>
    <message>
        <location filename="../core/ytdlpupdater.cpp" line="112"/>
        <source>The update failed: yt-dlp could not reach its download site. Check your internet connection or proxy and try again.</source>
        <translation>更新失败：yt-dlp 无法连接到它的下载站点。请检查网络连接或代理后重试。</translation>
    </message>
    <message>
        <location filename="../core/ytdlpupdater.cpp" line="115"/>
        <source>The update failed (exit code %1).</source>
        <translation>更新失败（退出代码 %1）。</translation>
    </message>
    <message>
        <location filename="../core/ytdlpupdater.cpp" line="117"/>
        <source>The update failed: %1</source>
        <translation>更新失败：%1</translation>
    </message>
</context>
<context>
    <name>WindowLoader</name>
    <message>
        <location filename="../app/windowloader.cpp" line="64"/>
        <source>Gravity cannot open its window: %1 is missing or cannot be loaded. Reinstall Gravity; --headless still works.</source>
        <translation>Gravity 无法打开窗口：%1 缺失或无法加载。请重新安装 Gravity；--headless 仍可使用。</translation>
    </message>
</context>
</TS>
