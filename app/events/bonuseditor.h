// The dialog for a bonus window of an event: from when to when (typed in the event's time zone),
// how many times an hour counts, and for which teams.
#pragma once

#include "domain/bonus.h"
#include "domain/event.h"

#include <QDialog>
#include <QStringList>

class QDateTimeEdit;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;

namespace Muster {

class TeamListModel;

class BonusEditor : public QDialog
{
    Q_OBJECT
public:
    // A new window when `bonus` has no id; teams: the organisation's (hidden ones too).
    BonusEditor(const Event &event, const Bonus &bonus, const TeamListModel &teams,
        QWidget *parent = nullptr);

    bool isNew() const { return m_bonus.id.isNull(); }
    const Bonus &bonus() const { return m_bonus; }
    QDateTime start() const; // UTC
    QDateTime end() const;
    double multiplier() const;
    QStringList teamIds() const;
    void setTeamChecked(const QString &teamName, bool checked);
    QString problem() const;
    void showProblem(const QString &text);
    void setBusy(bool busy);

Q_SIGNALS:
    void saveRequested();

private:
    QString check() const;

    Event m_event;
    Bonus m_bonus;
    QDateTimeEdit *m_start;
    QDateTimeEdit *m_end;
    QDoubleSpinBox *m_multiplier;
    QListWidget *m_teams;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Muster
