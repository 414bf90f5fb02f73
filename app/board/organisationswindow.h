// The server superadmin's view: any organisation's whole board, live (organisations.watch),
// read-only. One's own organisation stays in the main window; this one never mixes the two.
#pragma once

#include "models/presencemodel.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;

namespace Muster {

class AvatarCache;
class Connection;
class PeopleFilterModel;

class OrganisationsWindow : public QDialog
{
    Q_OBJECT
public:
    OrganisationsWindow(Connection &connection, AvatarCache &avatars, QWidget *parent = nullptr);
    ~OrganisationsWindow() override;

    PresenceModel &model() { return m_model; }
    QString shownOrganisation() const;
    void showOrganisation(const QString &organisationId);

private:
    void loadOrganisations();
    void watchAndLoad();

    Connection &m_connection;
    BoardClient m_board;
    PresenceModel m_model;
    PeopleFilterModel *m_people;
    QComboBox *m_organisations;
    QLineEdit *m_search;
    QListView *m_view;
    QLabel *m_summary;
};

} // namespace Muster
