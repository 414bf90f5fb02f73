// The kiosk's Qt Quick Test suites (tests/kiosk/qml/tst_*.qml): the real screens, driven by keys
// and taps, against a real server and database through a relay the tests cut.
#include "imports.h"
#include "kioskengine.h"
#include "kioskfixture.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QtQuickTest>

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void applicationAvailable()
    {
        Muster::importKioskQmlModules();
        if (!m_fixture.start())
            qFatal("the kiosk fixture did not start");
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        Muster::prepareKioskEngine(*engine);
        engine->rootContext()->setContextProperty(QStringLiteral("fixture"), &m_fixture);
    }

private:
    Muster::Test::KioskFixture m_fixture;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_kiosk, Setup)
#include "tst_kiosk.moc"
