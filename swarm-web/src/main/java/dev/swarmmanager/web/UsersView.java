package dev.swarmmanager.web;

import dev.swarmmanager.domain.LocalUser;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.security.LocalUsers;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Local users, for admins: add with a role, change the role, disable or enable, reset the password, delete. */
@Named
@ViewScoped
public class UsersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    LocalUsers users;

    @Inject
    Feedback feedback;

    private List<LocalUser> list = List.of();
    private LocalUser selected;
    private String name;
    private Role role = Role.VIEWER;
    private String password;

    @PostConstruct
    public void load() {
        list = feedback.load(users::list, List.of());
    }

    public void create() {
        String created = name;
        if (feedback.run(() -> users.create(created, role, password), "users.created", created, role.toString())) {
            name = null;
            role = Role.VIEWER;
            load();
        }
        password = null;
    }

    public void select(LocalUser user) {
        selected = user;
        role = user.role();
        password = null;
    }

    public void changeRole() {
        if (feedback.run(() -> users.update(selected.name(), role, null), "users.roleChanged", selected.name(), role.toString())) {
            load();
        }
    }

    public void enable(LocalUser user, boolean enabled) {
        if (feedback.run(() -> users.update(user.name(), null, enabled), enabled ? "users.enabled" : "users.disabled", user.name())) {
            load();
        }
    }

    public void resetPassword() {
        feedback.run(() -> users.resetPassword(selected.name(), password), "users.passwordReset", selected.name());
        password = null;
        load();
    }

    public void remove() {
        if (feedback.run(() -> users.remove(selected.name()), "users.removed", selected.name())) {
            load();
        }
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public List<LocalUser> getList() {
        return list;
    }

    public LocalUser getSelected() {
        return selected;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
