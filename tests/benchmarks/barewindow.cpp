// The yardstick for start-up: the barest Qt Widgets window worth comparing with Gravity's (a line edit and a
// list in a main window), reporting its first paint the same way gravity-downloader does.
#include "firstpaintprobe.h"

#include <QApplication>
#include <QLineEdit>
#include <QListView>
#include <QMainWindow>
#include <QVBoxLayout>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    auto *central = new QWidget(&window);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(new QLineEdit(central));
    layout->addWidget(new QListView(central), 1);
    window.setCentralWidget(central);
    window.resize(860, 720);
    Gravity::reportFirstPaintIfAsked(&window);
    window.show();
    return app.exec();
}
