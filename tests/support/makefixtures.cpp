// gravity-make-fixtures DIR: generates the test media into DIR once (the fixtures_media CTest setup test).
#include "mediafixtures.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: gravity-make-fixtures DIR\n");
        return 1;
    }
    QString error;
    if (!GravityTest::MediaFixtures::ensure(args.at(1), &error)) {
        std::fprintf(stderr, "gravity-make-fixtures: %s\n", qPrintable(error));
        return 1;
    }
    return 0;
}
