#pragma once

#include <QString>

namespace GravityTest {

// The media the integration tests serve, generated with the real ffmpeg into one folder:
//   clip.mp4          640x360 H.264 + AAC, 3 s                    ("an mp4 behind an HTML page")
//   page.html         <title>Gravity Test Clip</title> + <video src="{{BASE}}/clip.mp4"> , poster thumb.jpg
//   thumb.jpg         a frame of clip.mp4, the pages' poster (yt-dlp: "thumbnail")
//   slow.mp4          640x360 H.264 + AAC, ~8 MB, 20 s (big enough to cancel, stall and pause mid-way)
//   slow.html         a page around slow.mp4
//   hls/master.m3u8   HLS master: 360p and 720p video-only variants + an AAC audio group (the merge path)
//   hls/v360.m3u8, hls/v720.m3u8, hls/audio.m3u8 and their .ts segments
//   feed.xml          RSS 2.0 feed of three items (clip1/2/3.mp4): a playlist for yt-dlp
//   clip1.mp4 … clip3.mp4   copies of clip.mp4 for the feed
//   dash/video360.mp4, dash/audio.m4a   clip.mp4's streams apart, as DASH sites serve them
// Generation is idempotent: a folder that already holds a complete set (marked by a stamp file) is kept.
struct MediaFixtures
{
    // Returns false and sets *error when ffmpeg is missing or fails.
    static bool ensure(const QString &dir, QString *error = nullptr);
    // The folder named by $GRAVITY_FIXTURES, generated if needed; empty (and a QFAIL-worthy *error) on
    // failure.
    static QString fromEnvironment(QString *error = nullptr);
};

} // namespace GravityTest
