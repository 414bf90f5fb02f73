// Forgotten clock-outs, for the managers in Shifts: what each person said of the shift the end of
// the day stopped for them ("stopped automatically at 22:00, really stopped 01:30, +3 h 30 min"),
// waiting ones first. Approve, or refuse with a reason the person will read. Hidden while there
// is nothing to show; live, so two managers see each other's decisions at once.
#pragma once

#include "client/correctionsclient.h"
#include "models/correctionlistmodel.h"

#include <QGroupBox>

class QLabel;
class QPushButton;
class QTableView;

namespace Muster {

class Connection;

class CorrectionsPanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit CorrectionsPanel(Connection &connection, QWidget *parent = nullptr);

    CorrectionListModel &corrections() { return m_corrections; }
    QString message() const;
    void select(int row);
    void approveSelected();
    void refuseSelected(const QString &reason);

Q_SIGNALS:
    // The person's shifts are worth a look (the manager double-clicked a request).
    void personWanted(const QString &userId, const QString &entryId);

private:
    void decided(const QJsonValue &result, const RpcError &error, bool approved);
    void showMessage(const QString &text, bool problem = false);
    void update();
    const StopCorrection *selected() const;

    CorrectionsClient m_client;
    CorrectionListModel m_corrections;
    QTableView *m_table;
    QPushButton *m_approve;
    QPushButton *m_refuse;
    QLabel *m_message;
    bool m_busy = false;
};

} // namespace Muster
