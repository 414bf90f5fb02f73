// See translations.h. The .qm files are compiled in under :/i18n.
#include "translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace Muster {

void installTranslations()
{
    static QTranslator translator; // lives as long as the application
    if (!translator.isEmpty())
        return;
    if (translator.load(
            QLocale(), QStringLiteral("muster"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || translator.load(QStringLiteral(":/i18n/muster_en.qm")))
        QCoreApplication::installTranslator(&translator);
}

} // namespace Muster
