// The Kiosks place (leads and up): approve a kiosk by the code it shows, and look after the
// organisation's kiosks (rename or move one, renew its approval, revoke a lost one). Live: another
// lead's approval appears at once.
#pragma once

#include "client/kioskfleetclient.h"
#include "models/kiosklistmodel.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace Muster {

class Connection;

class KiosksPage : public QWidget
{
    Q_OBJECT
public:
    explicit KiosksPage(Connection &connection, QWidget *parent = nullptr);

    KioskListModel &kiosks() { return m_kiosks; }
    // The message line under the pairing form or the list: what happened, in words.
    QString message() const;
    // The kiosk selected in the list; "" when none.
    QString selectedKiosk() const;

    void approve();
    void editSelected();
    void renewSelected();
    void revokeSelected();

private:
    void showMessage(const QString &text, bool problem = false);
    void updateButtons();
    void showListOrEmpty();
    const Kiosk *selected() const;

    Connection &m_connection;
    KioskFleetClient m_fleet;
    KioskListModel m_kiosks;
    QLineEdit *m_code;
    QLineEdit *m_name;
    QLineEdit *m_location;
    QComboBox *m_lifetime;
    QPushButton *m_approve;
    QStackedWidget *m_listOrEmpty;
    QTableView *m_table;
    QPushButton *m_edit;
    QPushButton *m_renew;
    QPushButton *m_revoke;
    QLabel *m_message;
    bool m_busy = false;
};

} // namespace Muster
