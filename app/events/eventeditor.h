// The dialog that makes a new event or changes one: its name, time zone, first and last moment
// (typed in the event's own time zone, as its volunteers live it) and the hour its days begin. An
// event that is over is shown read-only and says why.
#pragma once

#include "domain/event.h"

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Muster {

class EventEditor : public QDialog
{
    Q_OBJECT
public:
    // A new event when `event` has no id; it may start set up like one of `earlier`.
    explicit EventEditor(
        const Event &event, const QList<Event> &earlier = {}, QWidget *parent = nullptr);

    bool isNew() const { return m_event.id.isNull(); }
    QString name() const;
    QString timeZone() const;
    // UTC, from what was typed in the chosen time zone.
    QDateTime start() const;
    QDateTime end() const;
    int dayBoundaryHour() const;
    bool activate() const;
    // The earlier event whose bonus windows and rewards a new one starts with ("" for none).
    QString copySetupFrom() const;
    // For an existing event: only what was changed, as events.update takes it.
    QJsonObject changes() const;
    // A problem found before sending ("" when none), or one the server answered.
    QString problem() const;
    void showProblem(const QString &text);
    void setBusy(bool busy);

Q_SIGNALS:
    void saveRequested();

private:
    QString check() const;
    void retime(); // the times shown follow a change of time zone

    Event m_event;
    QLineEdit *m_name;
    QComboBox *m_timeZone;
    QDateTimeEdit *m_start;
    QDateTimeEdit *m_end;
    QSpinBox *m_dayBoundary;
    QCheckBox *m_activate;
    QComboBox *m_copyFrom;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QString m_shownZone; // the zone the two times are shown in
};

} // namespace Muster
