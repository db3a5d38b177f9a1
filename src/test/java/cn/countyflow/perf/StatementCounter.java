package cn.countyflow.perf;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements the current thread prepares while {@link #count} runs (JPA, JdbcTemplate and the
 * engine's MyBatis alike, as all three take their connections from the one {@code dataSource} bean). Outside
 * {@link #count}, and on other threads, it only passes calls through. Test code only: the tests' application context
 * picks it up by component scan and wraps the data source in it.
 */
@Component
public class StatementCounter implements BeanPostProcessor {
    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    /** What ran: the statements' SQL, in order, and the action's result. */
    public record Counted<T>(T result, List<String> statements) {
        public int count() {
            return statements.size();
        }
    }

    public static <T> Counted<T> count(Supplier<T> action) {
        List<String> statements = new ArrayList<>();
        List<String> outer = RECORDING.get();
        RECORDING.set(statements);
        try {
            return new Counted<>(action.get(), List.copyOf(statements));
        } finally {
            if (outer == null) RECORDING.remove(); else RECORDING.set(outer);
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource ds && "dataSource".equals(beanName) && !(bean instanceof Counting)) {
            return new Counting(ds);
        }
        return bean;
    }

    static final class Counting extends DelegatingDataSource {
        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(super.getConnection(username, password));
        }

        private static Connection wrap(Connection c) {
            InvocationHandler h = (proxy, method, args) -> {
                String name = method.getName();
                if (name.equals("prepareStatement") || name.equals("prepareCall") || name.equals("createStatement")) {
                    List<String> recording = RECORDING.get();
                    if (recording != null) recording.add(args != null && args.length > 0 && args[0] instanceof String s ? s : name);
                }
                try {
                    return method.invoke(c, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, h);
        }
    }
}
