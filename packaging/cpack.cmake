# CPack: what `cpack` builds from the install rules. Included by the top level after every install() so the
# packages hold everything. Linux: DEB (Qt's runtime found by dpkg-shlibdeps, plus yt-dlp and ffmpeg) and TGZ;
# Windows: NSIS and ZIP; macOS: a DragNDrop disk image.

set(CPACK_PACKAGE_NAME gravity-downloader)
set(CPACK_PACKAGE_VENDOR "The Gravity developers")
set(CPACK_PACKAGE_CONTACT "The Gravity developers <dev@gravity.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Download videos from YouTube, Bilibili and other sites with yt-dlp")
set(CPACK_PACKAGE_DESCRIPTION "Gravity is a Qt desktop frontend for yt-dlp: paste a link, pick a quality, \
download in a queue with live progress. The same engine runs without a window: gravity-downloader --headless.")
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_PACKAGE_INSTALL_DIRECTORY Gravity)
set(CPACK_PACKAGE_EXECUTABLES gravity-downloader "Gravity Video Downloader")
# A package is for users: no debug information (the build tree keeps it).
set(CPACK_STRIP_FILES ON)

if(WIN32)
    set(CPACK_GENERATOR NSIS ZIP)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
else()
    set(CPACK_GENERATOR DEB TGZ)
endif()

# Debian: the Qt libraries come from dpkg-shlibdeps; what it cannot see is named here: the programs Gravity
# drives, Wayland support and Qt's own translations for the Chinese UI.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "yt-dlp, ffmpeg")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SECTION video)

# Windows: an installer with a Start menu entry, and a ZIP to unpack anywhere.
set(CPACK_NSIS_PACKAGE_NAME "Gravity Video Downloader")
set(CPACK_NSIS_DISPLAY_NAME "Gravity Video Downloader")
set(CPACK_NSIS_MUI_ICON ${GRAVITY_ICO})
set(CPACK_NSIS_MUI_UNIICON ${GRAVITY_ICO})
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\gravity-downloader.exe")
set(CPACK_NSIS_URL_INFO_ABOUT ${PROJECT_HOMEPAGE_URL})
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)

# macOS: the bundle on a disk image.
set(CPACK_DMG_VOLUME_NAME "Gravity ${PROJECT_VERSION}")

include(CPack)
